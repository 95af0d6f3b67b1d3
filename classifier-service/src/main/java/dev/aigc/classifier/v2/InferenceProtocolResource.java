package dev.aigc.classifier.v2;

import ai.djl.Model;
import dev.aigc.classifier.ClassifierProperties;
import dev.aigc.classifier.classify.DigitClassifier;
import dev.aigc.classifier.classify.Scores;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.web.ApiException;
import dev.aigc.serving.web.ClientTerms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open Inference Protocol (KServe v2 REST) for the {@code mnist} model, so KServe and Triton clients work
 * unchanged. Input: one FP32 tensor named {@code input}, shaped {@code [N, 1, 28, 28]} or {@code [N, 784]} with
 * MNIST-style values in [0, 1]; output {@code probabilities}, FP32 {@code [N, 10]}. The optional version paths
 * ({@code /v2/models/mnist/versions/{v}}) describe every version found and answer inference for the one that serves.
 * Errors follow the protocol: {@code {"error": "..."}}.
 */
@RestController
@RequestMapping("/v2")
@Tag(name = "Open Inference Protocol (KServe v2)", description = "KServe v2 REST for the mnist model: health, "
        + "metadata, readiness and inference, also per model version")
@ApiResponse(responseCode = "400", description = "Malformed request: unknown input or output name, wrong datatype, "
        + "shape or values; a version that does not serve", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_VALUE,
        schema = @Schema(implementation = InferenceProtocolResource.ErrorBody.class)))
@ApiResponse(responseCode = "404", description = "Unknown model or version", content = @Content(
        mediaType = MediaType.APPLICATION_JSON_VALUE,
        schema = @Schema(implementation = InferenceProtocolResource.ErrorBody.class)))
class InferenceProtocolResource {

    static final String MODEL = "mnist";
    static final String INPUT = "input";
    static final String OUTPUT = "probabilities";
    /** The newest shipped version, the one that serves by default. */
    static final String VERSION_EXAMPLE = "1.1-ensemble";
    static final String INFER = "/models/{model}/infer";
    static final String VERSION_INFER = "/models/{model}/versions/{version}/infer";

    private final ModelRegistry<Model> registry;
    private final DigitClassifier classifier;
    private final int maxImages;

    InferenceProtocolResource(ModelRegistry<Model> registry, DigitClassifier classifier,
            ClassifierProperties properties) {
        this.registry = registry;
        this.classifier = classifier;
        this.maxImages = properties.limits().maxBatchImages();
    }

    record ServerMetadata(String name, String version, List<String> extensions) {
    }

    @Operation(summary = "Server metadata")
    @GetMapping
    ServerMetadata server() {
        return new ServerMetadata("classifier-service", "0.1.0", List.of());
    }

    @Operation(summary = "Liveness: the server answers")
    @GetMapping("/health/live")
    Map<String, Boolean> live() {
        return Map.of("live", true);
    }

    @Operation(summary = "Readiness: a model version is loaded")
    @GetMapping("/health/ready")
    ResponseEntity<Map<String, Boolean>> ready() {
        boolean ready = registry.isLoaded();
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("ready", ready));
    }

    @Operation(summary = "Model metadata", description = "All versions found; the served one answers inference.")
    @GetMapping("/models/{model}")
    ModelMetadata metadata(@Parameter(example = MODEL) @PathVariable String model) {
        checkModel(model);
        return metadata(registry.versions().stream().map(ModelCard::version).toList());
    }

    @Operation(summary = "Metadata of one model version")
    @GetMapping("/models/{model}/versions/{version}")
    ModelMetadata versionMetadata(@Parameter(example = MODEL) @PathVariable String model,
            @Parameter(example = VERSION_EXAMPLE) @PathVariable String version) {
        checkModel(model);
        checkVersion(version);
        return metadata(List.of(version));
    }

    private static ModelMetadata metadata(List<String> versions) {
        return new ModelMetadata(MODEL, versions, "pytorch_djl",
                List.of(new ModelMetadata.TensorMetadata(INPUT, "FP32", List.of(-1L, 1L, 28L, 28L))),
                List.of(new ModelMetadata.TensorMetadata(OUTPUT, "FP32", List.of(-1L, 10L))));
    }

    @Operation(summary = "Model readiness")
    @GetMapping("/models/{model}/ready")
    ResponseEntity<Map<String, Object>> modelReady(@Parameter(example = MODEL) @PathVariable String model) {
        checkModel(model);
        return readiness(registry.isLoaded());
    }

    @Operation(summary = "Readiness of one model version",
            description = "Ready when the version is the one that serves (loaded); another version is activated "
                    + "with POST /api/v1/classifier/models/{version}/activate.")
    @GetMapping("/models/{model}/versions/{version}/ready")
    ResponseEntity<Map<String, Object>> versionReady(@Parameter(example = MODEL) @PathVariable String model,
            @Parameter(example = VERSION_EXAMPLE) @PathVariable String version) {
        checkModel(model);
        checkVersion(version);
        return readiness(registry.isLoaded() && version.equals(registry.activeVersion().orElse(null)));
    }

    private static ResponseEntity<Map<String, Object>> readiness(boolean ready) {
        return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("name", MODEL, "ready", ready));
    }

    @Operation(summary = "Inference", description = "One FP32 input named 'input', shaped [N,1,28,28] or [N,784], "
            + "values in [0,1] (MNIST layout: white ink on black); returns FP32 probabilities [N,10].")
    @ApiResponse(responseCode = "200", description = "The output tensor")
    @PostMapping(INFER)
    InferenceResponse infer(@Parameter(example = MODEL) @PathVariable String model,
            @Valid @RequestBody InferenceRequest request) {
        checkModel(model);
        return infer(request, null);
    }

    @Operation(summary = "Inference on one model version", description = "As /v2/models/{model}/infer, answered "
            + "by the given version, which must be the one that serves (see its ready path).")
    @ApiResponse(responseCode = "200", description = "The output tensor")
    @PostMapping(VERSION_INFER)
    InferenceResponse versionInfer(@Parameter(example = MODEL) @PathVariable String model,
            @Parameter(example = VERSION_EXAMPLE) @PathVariable String version,
            @Valid @RequestBody InferenceRequest request) {
        checkModel(model);
        checkVersion(version);
        checkServes(version);
        return infer(request, version);
    }

    private InferenceResponse infer(InferenceRequest request, String version) {
        if (request.outputs() != null) {
            for (InferenceRequest.RequestedOutput output : request.outputs()) {
                if (!OUTPUT.equals(output.name())) {
                    throw ApiException.badRequest("unknown output '" + output.name() + "'; this model has '" + OUTPUT
                            + "'");
                }
            }
        }
        if (request.inputs().size() != 1) {
            throw ApiException.badRequest("expected exactly one input tensor, got " + request.inputs().size());
        }
        InferenceRequest.Tensor input = request.inputs().get(0);
        if (!INPUT.equals(input.name())) {
            throw ApiException.badRequest("unknown input '" + input.name() + "'; this model has '" + INPUT + "'");
        }
        List<float[]> images = Tensors.images(input, maxImages);
        List<Scores> scores = classifier.classify(images);
        String answeredBy = scores.get(0).modelVersion();
        if (version != null && !version.equals(answeredBy)) {
            // another version was activated while this request waited
            checkServes(version);
        }
        float[] data = new float[scores.size() * 10];
        for (int i = 0; i < scores.size(); i++) {
            System.arraycopy(scores.get(i).probabilities(), 0, data, i * 10, 10);
        }
        return new InferenceResponse(MODEL, answeredBy, request.id(), List.of(
                new InferenceResponse.Output(OUTPUT, List.of((long) scores.size(), 10L), "FP32", data)));
    }

    private void checkVersion(String version) {
        if (registry.card(version).isEmpty()) {
            throw ApiException.notFound("model '" + MODEL + "' has no version '" + version + "'");
        }
    }

    private void checkServes(String version) {
        String active = registry.activeVersion().orElse(null);
        if (!version.equals(active)) {
            throw ApiException.badRequest("version '" + version + "' of model '" + MODEL + "' is not loaded; '"
                    + active + "' serves (POST /api/v1/classifier/models/" + version + "/activate switches)");
        }
    }

    private static void checkModel(String model) {
        if (!MODEL.equals(model)) {
            throw ApiException.notFound("unknown model '" + model + "'; this server serves '" + MODEL + "'");
        }
    }

    /** The protocol's error shape; the status stays that of the problem (400 for bad input). */
    @Schema(name = "InferenceErrorResponse", description = "Open Inference Protocol error")
    record ErrorBody(String error) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> apiError(ApiException e) {
        return ResponseEntity.status(e.status()).headers(e.headers()).body(new ErrorBody(e.detail()));
    }

    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ErrorBody> wrapped(CompletionException e) {
        if (e.getCause() instanceof ApiException api) {
            return apiError(api);
        }
        throw e;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
        String message = e.getBindingResult().getFieldErrors().stream()
                .map(f -> "'" + f.getField() + "' " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(new ErrorBody("invalid request: " + message));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("malformed request body: " + ClientTerms.unreadableBody(e)));
    }

}
