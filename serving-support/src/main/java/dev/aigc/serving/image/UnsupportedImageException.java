package dev.aigc.serving.image;

import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/** The bytes are not an image in a format the decoder accepts (PNG, JPEG, GIF, BMP): 415. */
public class UnsupportedImageException extends ApiException {

    public UnsupportedImageException(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported image type", detail);
    }
}
