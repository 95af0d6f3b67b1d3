package dev.aigc.classifier.classify;

import java.util.List;

/** The answers for a batch, in the order of the request's images. */
public record BatchClassificationResponse(int count, List<ClassificationResponse> results) {
}
