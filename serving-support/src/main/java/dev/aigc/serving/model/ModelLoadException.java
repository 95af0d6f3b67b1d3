package dev.aigc.serving.model;

import org.springframework.http.HttpStatus;

import dev.aigc.serving.web.ApiException;

/** A model version exists but could not be loaded (corrupt weights, wrong engine, missing files): 500. */
public class ModelLoadException extends ApiException {

    public ModelLoadException(String model, String version, Throwable cause) {
        super(HttpStatus.INTERNAL_SERVER_ERROR, "Model load failed",
                "Version '" + version + "' of model '" + model + "' could not be loaded: " + cause.getMessage(), cause);
    }
}
