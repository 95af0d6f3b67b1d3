package dev.aigc.serving.image;

import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/** The bytes claim to be an image of a supported format but are truncated, corrupt, empty or hold no ink: 400. */
public class InvalidImageException extends ApiException {

    public InvalidImageException(String detail) {
        super(HttpStatus.BAD_REQUEST, "Invalid image", detail);
    }

    public InvalidImageException(String detail, Throwable cause) {
        super(HttpStatus.BAD_REQUEST, "Invalid image", detail, cause);
    }
}
