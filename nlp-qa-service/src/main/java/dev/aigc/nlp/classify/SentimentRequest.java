package dev.aigc.nlp.classify;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A Chinese or English text whose sentiment is wanted. */
public record SentimentRequest(@Schema(example = "这家店的服务太棒了！") @NotBlank @Size(max = 2000) String text) {
}
