package dev.aigc.gateway.status;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Platform status")
class StatusController {

    private final ServiceProbe probe;

    StatusController(ServiceProbe probe) {
        this.probe = probe;
    }

    @GetMapping("/api/v1/status")
    @Operation(summary = "Each service's readiness and active model version",
            description = "Asks every service directly; answers are reused for two seconds.")
    Mono<PlatformStatus> status() {
        return probe.status();
    }
}
