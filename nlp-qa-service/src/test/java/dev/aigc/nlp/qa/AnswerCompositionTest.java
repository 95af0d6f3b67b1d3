package dev.aigc.nlp.qa;

import dev.aigc.nlp.ServiceTestSupport;
import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A composed answer: sentences from two documents in reading order, each with the [n] of its citation. */
class AnswerCompositionTest extends ServiceTestSupport {

    static final String A = "To install the Quokka build tool, download the installer from the project page and run "
            + "the command quokka-setup in a terminal, which puts the quokka binary on your path.";
    static final String B = "To install the Quokka build tool on Linux, run the command apt install quokka in a "
            + "terminal, which also puts the quokka binary on your path.";

    @Autowired
    BgeEmbedder embedder;

    @Test
    void shouldComposeSentencesFromTwoDocumentsWithMatchingMarkers() {
        String question = "How do I install the Quokka build tool?";
        List<HybridRetriever.RankedChunk> passages = List.of(
                passage("doc-a", "Quokka setup", A + " Lunch is served at noon in the canteen."),
                passage("doc-b", "Quokka on Linux", B + " The river is wide and slow."));
        AnswerComposer composer = new AnswerComposer(embedder);

        List<AnswerComposer.ScoredSentence> sentences = composer.select(question, "", embedder.embed(question),
                passages, 1);
        List<AskResponse.Citation> citations = QaService.citations(passages, passages, sentences, 3);
        String answer = AnswerComposer.join(sentences, QaService.markers(sentences, passages, citations));

        assertThat(sentences).extracting(AnswerComposer.ScoredSentence::passage).containsExactly(0, 1);
        assertThat(citations).extracting(AskResponse.Citation::documentId).containsExactly("doc-a", "doc-b");
        assertThat(answer).isEqualTo(A + "[1] " + B + "[2]");
        assertThat(citations.get(1).snippet()).isEqualTo(B);
    }

    @Test
    void shouldKeepAnUnrelatedSentenceOfTheOtherDocumentOut() {
        String question = "How do I install the Quokka build tool?";
        List<HybridRetriever.RankedChunk> passages = List.of(
                passage("doc-a", "Quokka setup", A + " It needs Java 17 or newer to run."),
                passage("doc-b", "Weather", "The river is wide and slow. Lunch is served at noon in the canteen."));

        List<AnswerComposer.ScoredSentence> sentences = new AnswerComposer(embedder).select(question, "",
                embedder.embed(question), passages, 1);

        assertThat(sentences).allMatch(s -> s.passage() == 0);
        assertThat(AnswerComposer.join(sentences, List.of(1, 1))).startsWith(A + "[1]");
    }

    @Test
    void shouldScoreTheSameWithCachedSentenceVectorsAsWithFreshOnes() {
        String question = "How do I install the Quokka build tool?";
        float[] q = embedder.embed(question);
        List<HybridRetriever.RankedChunk> passages = List.of(
                passage("doc-a", "Quokka setup", A + " Lunch is served at noon in the canteen."),
                passage("doc-b", "Quokka on Linux", B + " The river is wide and slow."));
        AnswerComposer cached = new AnswerComposer(embedder, 16);

        List<AnswerComposer.ScoredSentence> fresh = new AnswerComposer(embedder, 0).select(question, "", q, passages, 1);
        List<AnswerComposer.ScoredSentence> first = cached.select(question, "", q, passages, 1);
        List<AnswerComposer.ScoredSentence> again = cached.select(question, "", q, passages, 1);

        assertThat(first).isEqualTo(fresh).isEqualTo(again);
        assertThat(new AnswerComposer(embedder, 1).select(question, "", q, passages, 1))
                .as("a cache smaller than the passages' sentences evicts and still scores the same").isEqualTo(fresh);
    }

    private static HybridRetriever.RankedChunk passage(String doc, String title, String text) {
        return new HybridRetriever.RankedChunk(new Chunk(doc, 0, title, "en", text, new float[0]), 1, 0.7, null);
    }
}
