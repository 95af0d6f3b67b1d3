package dev.aigc.gan.model;

import dev.aigc.serving.model.ModelCard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Copies the versions packaged with the service ({@code classpath:models/cdcgan/<version>/…}) into the writable
 * models directory, so shipped versions and versions made by training jobs sit side by side in one registry.
 * A version already present with the same card is left alone (a changed card, e.g. after a new evaluation, is copied
 * again); each card is copied last so a half-copied version is never listed.
 */
final class ShippedModels {

    private static final Logger log = LoggerFactory.getLogger(ShippedModels.class);

    private ShippedModels() {
    }

    /** Returns the shipped version names, sorted. */
    static List<String> copyInto(String location, Path root) throws IOException {
        List<String> versions = new ArrayList<>();
        if (location == null || location.isBlank()) {
            return versions;
        }
        String base = location.replaceFirst("^classpath\\*?:", "").replaceAll("^/+|/+$", "");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                ShippedModels.class.getClassLoader());
        Files.createDirectories(root);
        for (Resource card : resolver.getResources("classpath*:" + base + "/*/" + ModelCard.FILE_NAME)) {
            String url = card.getURL().toString();
            String versionUrl = url.substring(0, url.length() - ModelCard.FILE_NAME.length() - 1);
            String version = versionUrl.substring(versionUrl.lastIndexOf('/') + 1);
            Path target = root.resolve(version);
            versions.add(version);
            Path existing = target.resolve(ModelCard.FILE_NAME);
            if (Files.exists(existing) && sameContent(card, existing)) {
                continue;
            }
            Files.createDirectories(target);
            for (Resource file : resolver.getResources("classpath*:" + base + "/" + version + "/*")) {
                String name = file.getFilename();
                if (name == null || name.isEmpty() || name.equals(ModelCard.FILE_NAME) || !file.isReadable()) {
                    continue;
                }
                copy(file, target.resolve(name));
            }
            copy(card, target.resolve(ModelCard.FILE_NAME));
            log.info("Copied shipped GAN version {} to {}", version, target);
        }
        Collections.sort(versions);
        return versions;
    }

    private static boolean sameContent(Resource resource, Path file) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
        }
    }

    private static void copy(Resource resource, Path target) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
