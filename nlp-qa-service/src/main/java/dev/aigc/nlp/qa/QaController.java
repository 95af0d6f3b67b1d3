package dev.aigc.nlp.qa;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/qa")
@Tag(name = "Question answering", description = "Answers from the knowledge base with citations, or a refusal")
class QaController {

    private final QaService qa;

    QaController(QaService qa) {
        this.qa = qa;
    }

    @Operation(summary = "Answer a question from the knowledge base, with citations; answered=false when it cannot")
    @PostMapping("/ask")
    AskResponse ask(@Valid @RequestBody AskRequest request) {
        return qa.ask(request);
    }
}
