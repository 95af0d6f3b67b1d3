package dev.aigc.nlp.kb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill-safety of ingestion: a child JVM adds documents one by one through {@link LuceneStore} (each add commits
 * before returning, as the API does before its 201), reporting each id, and is then killed with SIGKILL while its
 * IndexWriter is still open and writing. Every reported document must be in the index afterwards.
 */
class IngestKillSafetyTest {

    @Test
    void shouldKeepEveryCommittedDocumentWhenTheProcessIsKilled(@TempDir Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestingChild.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && committed.size() < 25) {
                if (line.startsWith("committed ")) {
                    committed.add(line.substring("committed ".length()));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(committed).hasSize(25);

        int count = LuceneStore.countCommittedDocuments(dir);
        assertThat(count).isGreaterThanOrEqualTo(committed.size());
        try (LuceneStore reopened = new LuceneStore(dir)) {
            for (String id : committed) {
                assertThat(reopened.get(id)).as("document %s", id).isPresent();
            }
            assertThat(reopened.searchBm25("kill safety document 7", 5)).isNotEmpty();
        }
    }

    /** The child process: ingests numbered documents forever, printing each id once its commit returned. */
    public static final class IngestingChild {

        public static void main(String[] args) throws Exception {
            LuceneStore store = new LuceneStore(Path.of(args[0]));
            for (int i = 0; ; i++) {
                String id = "doc-" + i;
                float[] v = new float[8];
                v[i % 8] = 1f;
                KbDocument doc = new KbDocument(id, "kill safety document " + i, "Text of kill safety document " + i
                        + ". It has two sentences.", "test", "en", java.time.Instant.now(), 1);
                store.add(doc, List.of(new Chunk(id, 0, doc.title(), "en", doc.text(), v)));
                System.out.println("committed " + id);
                System.out.flush();
            }
        }
    }
}
