package dev.aigc.gateway.status;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Asks every service, in parallel and directly (not through the routes, so that rate limits and breakers do not
 * colour the answer), for its readiness and its model versions. Each question gets {@link #TIMEOUT}; a whole
 * answer is reused for {@link #CACHE_FOR} so that polling the status page cannot flood the services.
 */
@Component
class ServiceProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration CACHE_FOR = Duration.ofSeconds(2);
    private static final String READINESS = "/actuator/health/readiness";

    private final ServiceEndpoints endpoints;
    private final WebClient client;
    private final Mono<PlatformStatus> cached;

    ServiceProbe(ServiceEndpoints endpoints) {
        this.endpoints = endpoints;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        this.cached = probeAll().cache(CACHE_FOR);
    }

    Mono<PlatformStatus> status() {
        return cached;
    }

    private Mono<PlatformStatus> probeAll() {
        return Flux.fromIterable(endpoints.services().entrySet())
                .sort(Map.Entry.comparingByKey())
                .flatMapSequential(entry -> probe(entry.getKey(), entry.getValue()))
                .collectList()
                .map(PlatformStatus::of);
    }

    private Mono<PlatformStatus.ServiceStatus> probe(String name, ServiceEndpoints.Endpoint endpoint) {
        Mono<String> readiness = client.get().uri(endpoint.resolve(READINESS))
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(body -> body.path("status").asString(null))
                        .onErrorResume(unreadable -> Mono.empty())
                        .defaultIfEmpty(response.statusCode().is2xxSuccessful() ? "UP" : "DOWN"))
                .timeout(TIMEOUT)
                .onErrorResume(unreachable -> Mono.just("UNREACHABLE"));
        Mono<Optional<ModelVersions>> models = endpoint.modelsPath() == null || endpoint.modelsPath().isBlank()
                ? Mono.just(Optional.empty())
                : client.get().uri(endpoint.resolve(endpoint.modelsPath()))
                        .retrieve()
                        .bodyToMono(JsonNode.class)
                        .map(ModelVersions::from)
                        .timeout(TIMEOUT)
                        .onErrorResume(missing -> Mono.just(ModelVersions.unknown()))
                        .defaultIfEmpty(ModelVersions.unknown())
                        .map(Optional::of);
        return Mono.zip(readiness, models)
                .map(both -> new PlatformStatus.ServiceStatus(name, both.getT1(), both.getT2().orElse(null)));
    }
}
