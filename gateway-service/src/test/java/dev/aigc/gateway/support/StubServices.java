package dev.aigc.gateway.support;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The four stub services, started once per test JVM on free loopback ports so that every test class can share
 * one Spring context (same property values, same cached context).
 */
public final class StubServices {

    public static final StubService CLASSIFIER = new StubService("classifier", "/api/v1/classifier");
    public static final StubService GAN = new StubService("gan", "/api/v1/gan");
    public static final StubService NLP_QA = new StubService("nlp-qa", "/api/v1/qa");
    public static final StubService CAREER = new StubService("career", "/api/v1/career");

    public static final List<StubService> ALL = List.of(CLASSIFIER, GAN, NLP_QA, CAREER);

    private StubServices() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        for (StubService stub : ALL) {
            registry.add("aigc.gateway.services." + stub.name() + ".url", stub::url);
        }
    }

    public static void resetAll() {
        ALL.forEach(StubService::reset);
    }
}
