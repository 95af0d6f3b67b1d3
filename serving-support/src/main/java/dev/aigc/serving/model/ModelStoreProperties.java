package dev.aigc.serving.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The shared model store ({@code serving.model-store.*}).
 *
 * @param dir          root of the store on a volume every replica mounts (a ReadWriteMany PVC, a bind mount); each
 *                     model lives in {@code <dir>/<model name>/}. Unset: each service reads its own configured location
 *                     (the versions in its jar by default), as a single replica does.
 * @param pollInterval how often each replica reads the recorded active version of its models (and follows it)
 */
@Validated
@ConfigurationProperties("serving.model-store")
public record ModelStoreProperties(String dir, @NotNull @DefaultValue("1s") Duration pollInterval) {

    /** The store's root; empty when {@code dir} is unset or blank. */
    public Optional<Path> root() {
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.trim()));
    }
}
