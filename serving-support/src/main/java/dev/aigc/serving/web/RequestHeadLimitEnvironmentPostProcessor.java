package dev.aigc.serving.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets every service accept a request head (request line plus headers) of up to 16 KB instead of Tomcat's 8 KB, the
 * sum of what the gateway lets through (a 4 KB URL, 8 KB of headers) plus the headers it adds; over the limit
 * Tomcat would answer with a bare 400 page rather than a problem document. Lowest precedence: any YAML, environment
 * variable or command-line value wins.
 */
public class RequestHeadLimitEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String PROPERTY = "server.max-http-request-header-size";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("servingSupportRequestHeadLimit",
                    Map.of(PROPERTY, "16KB")));
        }
    }
}
