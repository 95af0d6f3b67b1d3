package dev.aigc.classifier.classify;

import dev.aigc.classifier.ClassifierProperties;
import dev.aigc.serving.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Handwritten digit recognition: one image or a batch, as an upload, a raw image body or JSON. */
@RestController
@RequestMapping("/api/v1/classifications")
@Tag(name = "Classification", description = "Recognise handwritten digits (0-9)")
class ClassificationResource {

    static final String IMAGE_BMP = "image/bmp";
    static final String K_DOC = "How many of the most probable digits to return (1 to classifier.limits.max-top-k)";
    static final String PREPROCESSED_DOC = "Also return the 28 × 28 image the model saw, as a Base64 PNG";

    private final DigitClassifier classifier;
    private final ImageInputs inputs;
    private final ClassifierProperties.Limits limits;
    private final Validator validator;

    ClassificationResource(DigitClassifier classifier, ImageInputs inputs, ClassifierProperties properties,
            Validator validator) {
        this.classifier = classifier;
        this.validator = validator;
        this.inputs = inputs;
        this.limits = properties.limits();
    }

    @Operation(summary = "Classify an uploaded image",
            description = "A PNG, JPEG, GIF or BMP of any size, dark-on-light (a canvas drawing) or light-on-dark.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ClassificationResponse upload(@RequestPart("image") MultipartFile image, @Parameter(description = K_DOC, example = "3") @RequestParam(defaultValue = "3") int k,
            @Parameter(description = PREPROCESSED_DOC) @RequestParam(defaultValue = "false") boolean preprocessed)
            throws IOException {
        checkK(k);
        return answer(inputs.fromUpload(image), k, preprocessed);
    }

    @Operation(summary = "Classify an image sent as the raw request body",
            description = "Content-Type image/png, image/jpeg, image/gif or image/bmp.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.IMAGE_PNG_VALUE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.IMAGE_JPEG_VALUE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = MediaType.IMAGE_GIF_VALUE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = IMAGE_BMP, schema = @Schema(type = "string", format = "binary"))}))
    @PostMapping(consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_GIF_VALUE,
            IMAGE_BMP})
    ClassificationResponse raw(@Parameter(hidden = true) InputStream body,
            @Parameter(description = K_DOC, example = "3") @RequestParam(defaultValue = "3") int k,
            @Parameter(description = PREPROCESSED_DOC) @RequestParam(defaultValue = "false") boolean preprocessed)
            throws IOException {
        checkK(k);
        return answer(inputs.fromStream(body), k, preprocessed);
    }

    @Operation(summary = "Classify an image given as JSON",
            description = "Either 784 MNIST-style pixels (white ink on black, values in [0, 1]) or a Base64 image.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ClassificationResponse json(@Valid @RequestBody ClassificationRequest request,
            @Parameter(description = K_DOC, example = "3") @RequestParam(defaultValue = "3") int k,
            @Parameter(description = PREPROCESSED_DOC) @RequestParam(defaultValue = "false") boolean preprocessed) {
        checkK(k);
        return answer(inputs.fromJson(request), k, preprocessed);
    }

    @Operation(summary = "Classify several uploaded images",
            description = "Repeat the multipart part 'images'; at most classifier.limits.max-batch-images of them.")
    @PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    BatchClassificationResponse uploadBatch(@RequestPart("images") List<MultipartFile> images,
            @Parameter(description = K_DOC, example = "3") @RequestParam(defaultValue = "3") int k) throws IOException {
        checkK(k);
        checkCount(images.size());
        List<float[]> pixels = new ArrayList<>(images.size());
        for (MultipartFile image : images) {
            pixels.add(inputs.fromUpload(image));
        }
        return answer(pixels, k);
    }

    @Operation(summary = "Classify several images given as JSON")
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchClassificationResponse jsonBatch(@RequestBody BatchClassificationRequest request,
            @Parameter(description = K_DOC, example = "3") @RequestParam(defaultValue = "3") int k) {
        checkK(k);
        // the count first (413), so that a huge batch is refused before its items are validated one by one
        checkCount(request.items() == null ? 0 : request.items().size());
        Set<ConstraintViolation<BatchClassificationRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return answer(request.items().stream().map(inputs::fromJson).toList(), k);
    }

    private ClassificationResponse answer(float[] pixels, int k, boolean preprocessed) {
        return ClassificationResponse.of(classifier.classify(pixels), k, preprocessed ? pixels : null);
    }

    private BatchClassificationResponse answer(List<float[]> pixels, int k) {
        List<ClassificationResponse> results = classifier.classify(pixels).stream()
                .map(scores -> ClassificationResponse.of(scores, k)).toList();
        return new BatchClassificationResponse(results.size(), results);
    }

    private void checkK(int k) {
        if (k < 1 || k > limits.maxTopK()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid request parameter",
                    "'k' must be between 1 and " + limits.maxTopK() + ", got " + k);
        }
    }

    private void checkCount(int count) {
        if (count > limits.maxBatchImages()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Too many images", count
                    + " images in one request; at most " + limits.maxBatchImages() + " are accepted");
        }
    }
}
