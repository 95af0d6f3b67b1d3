package dev.aigc.nlp.generate;

import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The character LM's versions and their model cards; switching the one that serves (an admin route at the gateway). */
@RestController
@RequestMapping("/api/v1/nlp/models")
@Tag(name = "Language models", description = "The character LM's versions, their model cards, and which one generates")
class ModelsController {

    private final ModelRegistry<LanguageModel> models;

    ModelsController(ModelRegistry<LanguageModel> models) {
        this.models = models;
    }

    /** The active version and every version found, oldest first. */
    record ModelsView(String active, List<ModelVersionView> versions) {
    }

    @Operation(operationId = "listModels",
            summary = "List the language model's versions with their model cards and which one is active")
    @GetMapping
    ModelsView list() {
        String active = models.activeVersion().orElse(null);
        return new ModelsView(active, models.versions().stream().map(c -> ModelVersionView.of(c, active)).toList());
    }

    @Operation(operationId = "getModel", summary = "One version of the language model and its model card")
    @ApiResponse(responseCode = "200", description = "The version")
    @ApiResponse(responseCode = "404", description = "No such version (ProblemDetail)")
    @GetMapping("/{version}")
    ModelVersionView get(@Parameter(example = "v1") @PathVariable String version) {
        return models.card(version)
                .map(card -> ModelVersionView.of(card, models.activeVersion().orElse(null)))
                .orElseThrow(() -> ApiException.notFound("Model " + models.name() + " has no version '" + version
                        + "'"));
    }

    @Operation(operationId = "activateModel", summary = "Make a version the one that generates",
            description = "Loads the version and swaps it in; generations already running finish on the previous "
                    + "version, which is closed once the last of them ends.")
    @ApiResponse(responseCode = "200", description = "The version, now active")
    @ApiResponse(responseCode = "404", description = "No such version (ProblemDetail)")
    @PostMapping("/{version}/activate")
    ModelVersionView activate(@Parameter(example = "v1") @PathVariable String version) {
        return ModelVersionView.of(models.activate(version).card(), version);
    }
}
