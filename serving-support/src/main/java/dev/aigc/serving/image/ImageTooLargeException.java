package dev.aigc.serving.image;

import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/** The image exceeds {@link ImageLimits} in bytes, width, height or pixel count: 413. */
public class ImageTooLargeException extends ApiException {

    public ImageTooLargeException(String detail) {
        super(HttpStatus.CONTENT_TOO_LARGE, "Image too large", detail);
    }
}
