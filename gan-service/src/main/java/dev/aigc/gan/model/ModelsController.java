package dev.aigc.gan.model;

import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Generator versions with their model cards, and switching the served one. */
@RestController
@RequestMapping("/api/v1/gan/models")
@Tag(name = "GAN models", description = "Generator versions, their model cards and evaluation, and which one serves")
class ModelsController {

    private final ModelRegistry<GanGenerator> models;

    ModelsController(ModelRegistry<GanGenerator> models) {
        this.models = models;
    }

    record ModelsResponse(String active, List<ModelCard> versions) {
    }

    @Operation(operationId = "listModels",
            summary = "List generator versions", description = "Versions (oldest first) with their model cards;"
            + " versions added by training jobs appear here once finished.")
    @GetMapping
    ModelsResponse list() {
        models.rescan();
        return new ModelsResponse(models.activeVersion().orElse(null), models.versions());
    }

    @Operation(operationId = "activateModel",
            summary = "Serve another version", description = "Loads the version and swaps it in; requests in"
            + " flight finish on the previous one.")
    @PostMapping("/{version}/activate")
    ModelsResponse activate(@Parameter(example = "v1") @PathVariable String version) {
        models.rescan();
        models.activate(version);
        return new ModelsResponse(models.activeVersion().orElse(null), models.versions());
    }
}
