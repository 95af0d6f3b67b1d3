package dev.aigc.serving.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.aigc.serving.image.ImageLimits;

/** BatcherSettings and ImageLimits bind from YAML-style properties as parts of a service's settings record. */
class SettingsBindingTest {

    /** How a service nests them (its real record would carry @ConfigurationProperties and @Validated). */
    record ServiceSettings(@Valid @DefaultValue BatcherSettings batching, @Valid @DefaultValue ImageLimits image) {
    }

    @Test
    void shouldBindGivenValuesAndDefaultTheRest() {
        ServiceSettings settings = bind(Map.of(
                "svc.batching.max-batch-size", "16",
                "svc.batching.max-delay", "3ms",
                "svc.batching.enabled", "false",
                "svc.image.max-bytes", "1048576"));

        assertThat(settings.batching()).isEqualTo(new BatcherSettings(false, 16, Duration.ofMillis(3), 256, 1,
                Duration.ofSeconds(30)));
        assertThat(settings.image()).isEqualTo(new ImageLimits(1 << 20, 4096, 4096, 4096L * 4096));
    }

    @Test
    void shouldUseTheDefaultsWhenNothingIsConfigured() {
        ServiceSettings settings = bind(Map.of("svc.unrelated", "x"));

        assertThat(settings.batching()).isEqualTo(BatcherSettings.defaults());
        assertThat(settings.image()).isEqualTo(ImageLimits.defaults());
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> bind(Map.of("svc.batching.max-batch-size", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("maxBatchSize must be at least 1");
        assertThatThrownBy(() -> new BatcherSettings(true, 8, Duration.ofMillis(1), 8, 1, Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> new ImageLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ServiceSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("svc", ServiceSettings.class);
    }
}
