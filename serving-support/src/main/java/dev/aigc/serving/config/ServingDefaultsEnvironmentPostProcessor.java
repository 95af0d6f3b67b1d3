package dev.aigc.serving.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@value #RESOURCE} (graceful shutdown, actuator exposure and probes, the springdoc paths, the request id in
 * log lines) as the environment's last property source, so each service's application.yml holds only its own keys
 * and anything the service, a profile, the environment or the command line sets wins.
 */
public class ServingDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String RESOURCE = "dev/aigc/serving/config/serving-defaults.yml";
    static final String NAME = "servingSupportDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            List<PropertySource<?>> loaded = new YamlPropertySourceLoader().load(NAME, new ClassPathResource(RESOURCE,
                    ServingDefaultsEnvironmentPostProcessor.class.getClassLoader()));
            loaded.forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
