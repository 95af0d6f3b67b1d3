package dev.aigc.nlp;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@OpenAPIDefinition(info = @Info(title = "AIGC NLP and question-answering service", version = "v1",
        description = "Question answering over a knowledge base with citations (BM25, dense BGE embeddings or both), "
                + "the knowledge base's documents, zero-shot classification and sentiment, and text generation "
                + "with a character-level LSTM (plain or streamed as Server-Sent Events) with its model versions. "
                + "Errors are RFC 9457 problem details (`application/problem+json`). See docs/nlp-qa.md."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class NlpQaApplication {

    public static void main(String[] args) {
        SpringApplication.run(NlpQaApplication.class, args);
    }
}
