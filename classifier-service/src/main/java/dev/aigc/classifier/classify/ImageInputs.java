package dev.aigc.classifier.classify;

import dev.aigc.serving.image.ImageDecoder;
import dev.aigc.serving.image.ImageTooLargeException;
import dev.aigc.serving.image.InvalidImageException;
import dev.aigc.serving.image.MnistPreprocessor;
import dev.aigc.serving.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Turns every accepted input form into the 784 MNIST-style floats the model takes. */
@Component
class ImageInputs {

    private final ImageDecoder decoder;

    ImageInputs(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    float[] fromBytes(byte[] bytes) {
        return MnistPreprocessor.toMnist(decoder.decode(bytes));
    }

    float[] fromStream(InputStream body) throws IOException {
        return MnistPreprocessor.toMnist(decoder.decode(body));
    }

    float[] fromUpload(MultipartFile file) throws IOException {
        if (file.getSize() > decoder.limits().maxBytes()) {
            throw new ImageTooLargeException("The image '" + file.getOriginalFilename() + "' has " + file.getSize()
                    + " bytes; at most " + decoder.limits().maxBytes() + " are accepted");
        }
        return fromBytes(file.getBytes());
    }

    float[] fromJson(ClassificationRequest request) {
        if (request.pixels() != null) {
            return pixels(request.pixels());
        }
        String text = request.imageBase64().strip();
        if (text.length() > (decoder.limits().maxBytes() + 2) / 3 * 4 + 4) {
            throw new ImageTooLargeException("'imageBase64' decodes to more than " + decoder.limits().maxBytes()
                    + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidImageException("'imageBase64' is not valid Base64: " + e.getMessage());
        }
        return fromBytes(bytes);
    }

    private static float[] pixels(List<Float> values) {
        float[] pixels = new float[values.size()];
        for (int i = 0; i < pixels.length; i++) {
            float value = values.get(i);
            if (!(value >= 0f && value <= 1f)) { // also catches NaN
                throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid pixels",
                        "'pixels[" + i + "]' must be a number in [0, 1], got " + value);
            }
            pixels[i] = value;
        }
        return pixels;
    }
}
