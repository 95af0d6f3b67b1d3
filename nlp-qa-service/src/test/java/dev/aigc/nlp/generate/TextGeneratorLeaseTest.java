package dev.aigc.nlp.generate;

import dev.aigc.serving.model.LoadedModel;
import dev.aigc.serving.model.ModelRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Activating another version while a generation runs must not close the model that generation is using. */
class TextGeneratorLeaseTest {

    private static final GenerationRequest.GenerationSettings SETTINGS =
            new GenerationRequest.GenerationSettings(40, 0.9, 20, 0.95, 11);

    ModelRegistry<LanguageModel> registry;
    TextGenerator generator;

    @BeforeEach
    void start() throws Exception {
        registry = CharLmVersions.startedRegistry();
        generator = new TextGenerator(registry);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    @Test
    void shouldFinishARunningGenerationOnItsVersionWhenAnotherIsActivated() {
        TextGenerator.Generation reference = generator.generate("春眠不觉晓，", SETTINGS);
        LoadedModel<LanguageModel> first = registry.active();
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean closedDuringGeneration = new AtomicBoolean();

        TextGenerator.Generation during = generator.generate("春眠不觉晓，", SETTINGS, ch -> {
            if (produced.incrementAndGet() == 5) {
                registry.activate(CharLmVersions.SECOND);
            }
            closedDuringGeneration.compareAndSet(false, produced.get() > 5 && first.isClosed());
            return true;
        });

        assertThat(registry.activeVersion()).contains(CharLmVersions.SECOND);
        assertThat(closedDuringGeneration).as("v1 closed while still generating").isFalse();
        assertThat(during.tokens()).isEqualTo(40);
        assertThat(during.model()).isEqualTo("charlm:v1");
        assertThat(during.text()).isEqualTo(reference.text());
        assertThat(first.isClosed()).as("v1 closed once its last lease ended").isTrue();

        TextGenerator.Generation after = generator.generate("春眠不觉晓，", SETTINGS);
        assertThat(after.model()).isEqualTo("charlm:v2");
        assertThat(after.text()).as("v2 holds the same weights").isEqualTo(reference.text());
    }
}
