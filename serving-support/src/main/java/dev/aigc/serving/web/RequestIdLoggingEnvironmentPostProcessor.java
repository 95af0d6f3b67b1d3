package dev.aigc.serving.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes Boot's default log patterns show the request id: sets {@code logging.pattern.correlation} to
 * {@code [<requestId>] } unless the application configured it. Lowest precedence, so any YAML, environment
 * variable or command-line value wins.
 */
public class RequestIdLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "logging.pattern.correlation";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("servingSupportRequestIdLogging",
                    Map.of(PROPERTY, "[%X{" + RequestIds.MDC_KEY + ":-}] ")));
        }
    }
}
