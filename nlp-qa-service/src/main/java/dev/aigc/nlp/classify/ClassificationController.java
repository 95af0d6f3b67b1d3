package dev.aigc.nlp.classify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nlp")
@Tag(name = "Text classification", description = "Zero-shot labels and sentiment of Chinese or English text")
class ClassificationController {

    private final ZeroShotClassifier classifier;
    private final SentimentAnalyzer sentiment;

    ClassificationController(ZeroShotClassifier classifier, SentimentAnalyzer sentiment) {
        this.classifier = classifier;
        this.sentiment = sentiment;
    }

    @Operation(summary = "Zero-shot classification of a text against the caller's labels")
    @PostMapping("/classifications")
    ClassificationResponse classify(@Valid @RequestBody ClassificationRequest request) {
        return classifier.classify(request.text(), request.labels());
    }

    @Operation(summary = "Sentiment of a Chinese or English text: positive, negative or neutral")
    @PostMapping("/sentiment")
    SentimentResponse sentiment(@Valid @RequestBody SentimentRequest request) {
        return sentiment.analyze(request.text());
    }
}
