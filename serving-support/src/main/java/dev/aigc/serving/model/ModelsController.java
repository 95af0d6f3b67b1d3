package dev.aigc.serving.model;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one models API every service serves for its {@link ModelRegistry}, under {@code serving.models.api.base-path}:
 * list the versions with their cards, show one, activate one (for every replica on a shared store).
 */
@RestController
@RequestMapping("${serving.models.api.base-path}")
class ModelsController {

    /** The version this replica serves and every version found, oldest first. */
    record ModelsView(String active, List<ModelVersionView> versions) {
    }

    /** One version: whether it serves on this replica, and its model card. */
    record ModelVersionView(String version, boolean active, ModelCard card) {

        static ModelVersionView of(ModelCard card, String activeVersion) {
            return new ModelVersionView(card.version(), card.version().equals(activeVersion), card);
        }
    }

    private final ModelRegistry<?> registry;

    ModelsController(ModelRegistry<?> registry) {
        this.registry = registry;
    }

    @Operation(operationId = "listModels", summary = "List model versions with their model cards",
            description = "Versions oldest first, each with its model card; `active` is the version this replica"
                    + " serves. Versions published by training jobs on any replica appear here.")
    @GetMapping
    ModelsView list() {
        registry.rescan();
        String active = registry.activeVersion().orElse(null);
        return new ModelsView(active, registry.versions().stream().map(c -> ModelVersionView.of(c, active)).toList());
    }

    @Operation(operationId = "getModel", summary = "One model version and its model card")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "404", description = "No such version; the problem names the available ones")
    @GetMapping("/{version}")
    ModelVersionView get(@PathVariable String version) {
        return ModelVersionView.of(registry.require(version), registry.activeVersion().orElse(null));
    }

    @Operation(operationId = "activateModel", summary = "Make a version the one that serves",
            description = "Loads the version and swaps it in; requests in flight finish on the previous one. On a"
                    + " shared model store the version is recorded there and every replica follows within seconds.")
    @ApiResponse(responseCode = "200", description = "The version, now active")
    @ApiResponse(responseCode = "404", description = "No such version; the problem names the available ones")
    @PostMapping("/{version}/activate")
    ModelVersionView activate(@PathVariable String version) {
        return ModelVersionView.of(registry.activate(version).card(), version);
    }
}
