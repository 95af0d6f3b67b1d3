package dev.aigc.gateway.status;

import org.junit.jupiter.api.Test;

import dev.aigc.gateway.support.GatewayTestSupport;
import dev.aigc.gateway.support.StubService;
import dev.aigc.gateway.support.StubServices;

class StatusTest extends GatewayTestSupport {

    @Test
    void shouldReportEachServicesReadinessAndActiveModelVersion() {
        StubServices.CLASSIFIER.script("GET", "/api/v1/classifier/models", StubService.json(200, """
                {"active":"2026-11-29-ens","versions":[{"version":"2026-11-28-a","active":false,"card":{}},
                 {"version":"2026-11-29-ens","active":true,"card":{"name":"mnist"}}]}"""));
        StubServices.GAN.script("GET", "/api/v1/gan/models", StubService.json(200, """
                {"active":"dcgan-2","versions":[{"version":"dcgan-1","active":false,"card":{}},
                 {"version":"dcgan-2","active":true,"card":{}}]}"""));
        StubServices.NLP_QA.script("GET", "/api/v1/nlp/models", StubService.json(404, "{\"status\":404}"));
        StubServices.CAREER.script("GET", "/actuator/health/readiness",
                StubService.json(503, "{\"status\":\"OUT_OF_SERVICE\"}"));

        client.get().uri("/api/v1/status").header(API_KEY, USER_KEY).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.checkedAt").isNotEmpty()
                .jsonPath("$.services[?(@.name=='classifier')].readiness").isEqualTo("UP")
                .jsonPath("$.services[?(@.name=='classifier')].models.active").isEqualTo("2026-11-29-ens")
                .jsonPath("$.services[?(@.name=='classifier')].models.available[1]").isEqualTo("2026-11-29-ens")
                .jsonPath("$.services[?(@.name=='gan')].models.active").isEqualTo("dcgan-2")
                .jsonPath("$.services[?(@.name=='gan')].models.available[0]").isEqualTo("dcgan-1")
                .jsonPath("$.services[?(@.name=='nlp-qa')].readiness").isEqualTo("UP")
                .jsonPath("$.services[?(@.name=='nlp-qa')].models.active").isEqualTo("unknown")
                .jsonPath("$.services[?(@.name=='career')].readiness").isEqualTo("OUT_OF_SERVICE")
                .jsonPath("$.services[?(@.name=='career')].models").doesNotExist();
    }
}
