package dev.aigc.gan.generate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Drawing digits: batches of images, a PNG grid for browsers, and latent-space interpolations. */
@RestController
@RequestMapping("/api/v1/gan")
@Tag(name = "GAN generation", description = "Seeded digit images, a PNG grid and latent-space interpolations")
class GenerationController {

    private static final String MODEL = "cdcgan";

    private final DigitGenerator generator;

    GenerationController(DigitGenerator generator) {
        this.generator = generator;
    }

    @Operation(summary = "Generate digits", description = "count 1-256; digit 0-9 or absent for a random digit per"
            + " image; the same seed and parameters give identical images; format png (base64) or pixels (0-255).")
    @PostMapping("/generations")
    GenerationResponse generate(@Valid @RequestBody GenerationRequest request) {
        long seed = request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 53);
        DigitGenerator.Drawn drawn = generator.sample(request.countOrDefault(), request.digit(), seed,
                request.truncation());
        ImageFormat format = request.formatOrDefault();
        List<GenerationResponse.Image> images = new ArrayList<>(drawn.images().length);
        for (int i = 0; i < drawn.images().length; i++) {
            Integer digit = drawn.digits()[i] >= 0 ? drawn.digits()[i] : null;
            images.add(format == ImageFormat.PNG
                    ? new GenerationResponse.Image(i, digit, base64(Pngs.digit(drawn.images()[i])), null)
                    : new GenerationResponse.Image(i, digit, null, Pngs.gray(drawn.images()[i])));
        }
        return new GenerationResponse(MODEL, drawn.version(), seed, images.size(), format, drawn.truncation(),
                images);
    }

    @Operation(summary = "A PNG grid of digits", description = "One row per character of digits, perDigit columns.")
    @GetMapping(value = "/grid.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> grid(
            @Parameter(example = "0123456789") @RequestParam(defaultValue = "0123456789")
            @Pattern(regexp = "[0-9]{1,10}", message = "must be 1 to 10 characters, each a digit 0-9") String digits,
            @Parameter(example = "8") @RequestParam(defaultValue = "8") @Min(1) @Max(16) int perDigit,
            @Parameter(example = "42") @RequestParam(defaultValue = "42") long seed) {
        int[] wanted = new int[digits.length() * perDigit];
        for (int i = 0; i < wanted.length; i++) {
            wanted[i] = digits.charAt(i / perDigit) - '0';
        }
        DigitGenerator.Drawn drawn = generator.forDigits(wanted, seed);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("X-Model-Version", drawn.version())
                .contentType(MediaType.IMAGE_PNG)
                .body(Pngs.grid(drawn.images(), perDigit, 2));
    }

    @Operation(summary = "Interpolate between two digits", description = "From (digit, seed) to (digit, seed) in"
            + " steps images: format png returns one strip, json one base64 PNG per step.")
    @PostMapping(value = "/interpolations", produces = {MediaType.IMAGE_PNG_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> interpolate(@Valid @RequestBody InterpolationRequest request) {
        int steps = request.stepsOrDefault();
        DigitGenerator.Drawn drawn = generator.interpolate(request.from().digit(), request.from().seed(),
                request.to().digit(), request.to().seed(), steps);
        if (request.formatOrDefault() == InterpolationRequest.Format.PNG) {
            return ResponseEntity.ok().header("X-Model-Version", drawn.version()).contentType(MediaType.IMAGE_PNG)
                    .body(Pngs.grid(drawn.images(), steps, 2));
        }
        List<Map<String, Object>> frames = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("step", i);
            frame.put("t", steps == 1 ? 0.0 : i / (double) (steps - 1));
            frame.put("png", base64(Pngs.digit(drawn.images()[i])));
            frames.add(frame);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", MODEL);
        body.put("version", drawn.version());
        body.put("from", request.from());
        body.put("to", request.to());
        body.put("steps", steps);
        body.put("frames", frames);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String base64(byte[] png) {
        return Base64.getEncoder().encodeToString(png);
    }
}
