package dev.aigc.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Dockerfiles agree with the manifests: user, writable paths, health check, base images. */
class DockerImageTest {

    @ParameterizedTest
    @CsvSource({"docker/Dockerfile, eclipse-temurin:17-jre", "docker/Dockerfile.gpu, nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04"})
    void shouldBuildALayeredNonRootImageWithAReadinessHealthCheck(String file, String defaultBase) {
        String dockerfile = StrictYaml.read(RepoFiles.resolve(file));

        assertThat(dockerfile).as("BASE_IMAGE default is the public image a user pulls")
                .containsPattern("(?m)^ARG BASE_IMAGE=" + Pattern.quote(defaultBase) + "$");
        assertThat(dockerfile).contains("-Djarmode=tools -jar app.jar extract --layers --launcher");
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            assertThat(dockerfile).contains("COPY --from=layers /layers/extracted/" + layer + "/ ./");
        }
        assertThat(dockerfile).contains("org.springframework.boot.loader.launch.JarLauncher")
                .contains("MaxRAMPercentage").contains("DJL_CACHE_DIR=/var/cache/djl").contains("DJL_OFFLINE=true")
                .containsPattern("(?m)^HEALTHCHECK .*CMD \\[\"healthcheck\"]$");

        Matcher uid = Pattern.compile("(?m)^ARG APP_UID=(\\d+)$").matcher(dockerfile);
        assertThat(uid.find()).isTrue();
        int imageUser = Integer.parseInt(uid.group(1));
        assertThat(dockerfile).contains("USER ${APP_UID}:${APP_UID}");
        assertThat(imageUser).as("non-root").isPositive();
        for (String manifest : List.of("k8s/base/classifier.yaml", "k8s/base/gateway.yaml")) {
            assertThat(StrictYaml.read(RepoFiles.resolve(manifest))).as(manifest + " runs as the image's user")
                    .contains("runAsUser: " + imageUser).contains("fsGroup: " + imageUser);
        }
    }

    @ParameterizedTest
    @CsvSource({"docker/healthcheck.sh"})
    void shouldProbeTheReadinessGroupOnTheServicePort(String file) {
        String script = StrictYaml.read(RepoFiles.resolve(file));
        assertThat(script).startsWith("#!/bin/bash").contains("/dev/tcp/127.0.0.1/$port")
                .contains("${SERVICE_PORT:?").contains("path=${1:-/actuator/health/readiness}")
                .contains("\"HTTP/1.\"[01]\" 200 \"*) exit 0");
    }
}
