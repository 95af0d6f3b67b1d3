package dev.aigc.serving.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code models} health indicator: UP when every {@link ModelRegistry} bean has a version loaded, DOWN when
 * one failed to load or was closed, OUT_OF_SERVICE while one is not started or has no version yet. Include it in
 * readiness: {@code management.endpoint.health.group.readiness.include: readinessState,models}. Each registry's
 * details say which version this replica serves ({@code active}) and, on a shared store, which one is recorded for
 * the whole cluster ({@code recorded}, {@code inSync}).
 */
public class ModelsHealthIndicator implements HealthIndicator {

    private final List<ModelRegistry<?>> registries;

    public ModelsHealthIndicator(List<ModelRegistry<?>> registries) {
        this.registries = List.copyOf(registries);
    }

    @Override
    public Health health() {
        Status overall = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ModelRegistry<?> registry : registries) {
            ModelRegistry.Status status = registry.status();
            Status each = switch (status.state()) {
                case LOADED -> Status.UP;
                case FAILED, CLOSED -> Status.DOWN;
                case NOT_STARTED, EMPTY -> Status.OUT_OF_SERVICE;
            };
            overall = worse(overall, each);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", each.getCode());
            detail.put("state", status.state());
            detail.put("location", status.location());
            detail.put("active", status.activeVersion());
            detail.put("versions", status.versions());
            if (status.recordedVersion() != null) {
                // the version recorded in the shared store: a replica still loading it shows the old one as active
                detail.put("recorded", status.recordedVersion());
                detail.put("inSync", status.recordedVersion().equals(status.activeVersion()));
            }
            if (status.error() != null) {
                detail.put("error", status.error());
            }
            details.put(status.name(), detail);
        }
        return Health.status(overall).withDetails(details).build();
    }

    private static Status worse(Status a, Status b) {
        List<Status> order = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UP);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }
}
