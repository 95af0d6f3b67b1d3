package dev.aigc.serving.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldNeverLetAReaderSeeAPartlyWrittenFile() throws Exception {
        Path target = dir.resolve("record.txt");
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> torn = java.util.Collections.synchronizedSet(new HashSet<>());
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    String text = Files.readString(target);
                    reads.incrementAndGet();
                    // each write is 64 KiB of one letter: a torn read mixes letters or is short
                    if (text.length() != 65_536 || text.chars().distinct().count() != 1) {
                        torn.add(text.length() + " chars");
                    }
                } catch (NoSuchFileException notYet) {
                    // before the first write
                } catch (Exception e) {
                    torn.add(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            AtomicFiles.write(target, String.valueOf((char) ('a' + i % 26)).repeat(65_536).getBytes());
        }
        stop.set(true);
        reader.join(10_000);

        assertThat(torn).isEmpty();
        assertThat(reads.get()).isPositive();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("record.txt");
        }
    }

    @Test
    void shouldCopyAtomicallyOverAnExistingFile() throws Exception {
        Path source = Files.writeString(dir.resolve("source.png"), "new picture");
        Path target = Files.writeString(dir.resolve("grid.png"), "old");

        AtomicFiles.copy(source, target);

        assertThat(target).hasContent("new picture");
    }
}
