package dev.aigc.gateway.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The platform at a glance.
 *
 * @param status    {@code UP} when every service is ready, {@code DEGRADED} when some are, {@code DOWN} when none is
 * @param checkedAt when the services were asked (answers are reused for a couple of seconds)
 * @param services  one entry per service
 */
public record PlatformStatus(String status, Instant checkedAt, List<ServiceStatus> services) {

    /**
     * @param name      the service
     * @param readiness its readiness group's status ({@code UP}, {@code OUT_OF_SERVICE}, {@code DOWN}), or
     *                  {@code UNREACHABLE}
     * @param models    its model versions; absent for a service without models
     */
    public record ServiceStatus(String name, String readiness,
                                @JsonInclude(JsonInclude.Include.NON_NULL) ModelVersions models) {
    }

    static PlatformStatus of(List<ServiceStatus> services) {
        long up = services.stream().filter(s -> "UP".equals(s.readiness())).count();
        String overall = up == services.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        return new PlatformStatus(overall, Instant.now(), services);
    }
}
