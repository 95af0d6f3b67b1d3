package dev.aigc.nlp.generate;

import dev.aigc.serving.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

@RestController
@RequestMapping("/api/v1/nlp/generations")
@Tag(name = "Text generation", description = "Continuations from the character-level LSTM, whole or streamed")
class GenerationController {

    private static final Logger log = LoggerFactory.getLogger(GenerationController.class);

    private final TextGenerator generator;
    private final ExecutorService streams;
    private final Counter completed;
    private final Counter cancelled;

    GenerationController(TextGenerator generator, ExecutorService generationExecutor, MeterRegistry registry) {
        this.generator = generator;
        this.streams = generationExecutor;
        this.completed = Counter.builder("nlp.generation.streams").tag("outcome", "completed").register(registry);
        this.cancelled = Counter.builder("nlp.generation.streams").tag("outcome", "cancelled").register(registry);
    }

    @Operation(summary = "Continue a prompt with the active language model (same seed, same text)",
            description = "charlm:v2 is a character-level decoder-only Transformer trained on modern Chinese "
                    + "documentation prose; charlm:v1 the older LSTM trained on classical verse (see the models API).")
    @PostMapping
    GenerationResponse generate(@Valid @RequestBody GenerationRequest request) {
        GenerationRequest.GenerationSettings s = request.settings();
        long start = System.nanoTime();
        TextGenerator.Generation g = generator.generate(request.prompt(), s);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new GenerationResponse(request.prompt(), g.text(), g.tokens(), s.seed(), s.temperature(), s.topK(),
                s.topP(), s.repetitionPenalty(), g.model(), g.finishReason(),
                Math.round(g.tokens() / seconds * 10) / 10.0);
    }

    @Operation(summary = "Stream the continuation as Server-Sent Events: one 'token' event ({\"text\": char}) per character, then 'done'")
    @PostMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@Valid @RequestBody GenerationRequest request) {
        GenerationRequest.GenerationSettings s = request.settings();
        SseEmitter emitter = new SseEmitter(120_000L);
        AtomicBoolean open = new AtomicBoolean(true);
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(e -> open.set(false));
        try {
            streams.execute(() -> run(request, s, emitter, open));
        } catch (RejectedExecutionException e) {
            throw ApiException.unavailable("all generation streams are busy; retry shortly", 1);
        }
        return emitter;
    }

    private void run(GenerationRequest request, GenerationRequest.GenerationSettings s, SseEmitter emitter,
                     AtomicBoolean open) {
        long start = System.nanoTime();
        try {
            TextGenerator.Generation g = generator.generate(request.prompt(), s, ch -> {
                if (!open.get()) {
                    return false;
                }
                try {
                    emitter.send(SseEmitter.event().name("token").data(Map.of("text", ch),
                            MediaType.APPLICATION_JSON));
                    return true;
                } catch (IOException | IllegalStateException e) {
                    open.set(false);
                    return false;
                }
            });
            if (open.get()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                emitter.send(SseEmitter.event().name("done").data(Map.of("tokens", g.tokens(), "seed", s.seed(),
                        "model", g.model(), "finishReason", g.finishReason(),
                        "charsPerSecond", Math.round(g.tokens() / seconds * 10) / 10.0),
                        MediaType.APPLICATION_JSON));
                emitter.complete();
                completed.increment();
            } else {
                cancelled.increment();
                log.debug("generation stream stopped early: client went away");
            }
        } catch (IOException | IllegalStateException e) {
            cancelled.increment();
            log.debug("generation stream closed by the client: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("generation stream failed", e);
            emitter.completeWithError(e);
        }
    }
}
