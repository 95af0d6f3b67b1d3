package dev.aigc.classifier.model;

import ai.djl.Model;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The classifier's model versions and their cards; switching the active one (an admin route at the gateway). */
@RestController
@RequestMapping("/api/v1/classifier/models")
@Tag(name = "Classifier models", description = "Model versions, their model cards, and which one serves")
class ModelsResource {

    private final ModelRegistry<Model> registry;

    ModelsResource(ModelRegistry<Model> registry) {
        this.registry = registry;
    }

    /** The version list and which one is active. */
    record ModelsView(String activeVersion, List<ModelVersionView> versions) {
    }

    @Operation(operationId = "listModels", summary = "List model versions with their model cards")
    @GetMapping
    ModelsView list() {
        String active = registry.activeVersion().orElse(null);
        return new ModelsView(active, registry.versions().stream().map(c -> ModelVersionView.of(c, active)).toList());
    }

    @Operation(operationId = "getModel", summary = "One model version and its model card")
    @GetMapping("/{version}")
    ModelVersionView get(@Parameter(example = "1.1-ensemble") @PathVariable String version) {
        ModelCard card = registry.card(version).orElseThrow(() -> ApiException.notFound(
                "Model mnist has no version '" + version + "'"));
        return ModelVersionView.of(card, registry.activeVersion().orElse(null));
    }

    @Operation(operationId = "activateModel", summary = "Make a version the one that serves",
            description = "Loads the version, then swaps it in; requests in flight finish on the previous one.")
    @PostMapping("/{version}/activate")
    ModelVersionView activate(@Parameter(example = "1.1-ensemble") @PathVariable String version) {
        return ModelVersionView.of(registry.activate(version).card(), version);
    }
}
