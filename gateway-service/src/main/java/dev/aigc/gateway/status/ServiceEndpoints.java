package dev.aigc.gateway.status;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The services behind the gateway. The routes in {@code application.yml} take their {@code uri} from the same
 * properties, so one variable per service ({@code CLASSIFIER_URL}, {@code GAN_URL}, {@code NLP_QA_URL},
 * {@code CAREER_URL}) moves both the routing and the status checks.
 *
 * @param services by name ({@code classifier}, {@code gan}, {@code nlp-qa}, {@code career})
 */
@Validated
@ConfigurationProperties("aigc.gateway")
public record ServiceEndpoints(@Valid Map<String, Endpoint> services) {

    public ServiceEndpoints {
        services = services == null ? Map.of() : Map.copyOf(services);
    }

    /**
     * @param url        base URL of the service
     * @param modelsPath where the service lists its model versions, if it has models
     */
    public record Endpoint(@NotNull URI url, String modelsPath) {

        URI resolve(String path) {
            String base = url.toString();
            return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
        }
    }
}
