package dev.aigc.nlp.kb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the bundled knowledge base: classpath {@code kb/*.md}, each with front matter ({@code id}, {@code title},
 * {@code lang}, {@code source}) between {@code ---} lines, and loads it into an empty index.
 */
public final class KbSeeder {

    private static final Logger log = LoggerFactory.getLogger(KbSeeder.class);

    private KbSeeder() {
    }

    public static Map<String, KnowledgeBase.NewDocument> bundled() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:kb/*.md");
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        Map<String, KnowledgeBase.NewDocument> docs = new LinkedHashMap<>();
        for (Resource r : resources) {
            String content = r.getContentAsString(StandardCharsets.UTF_8);
            if (!content.startsWith("---\n")) {
                throw new IOException(r.getFilename() + " lacks front matter");
            }
            int end = content.indexOf("\n---\n", 4);
            Map<String, String> meta = new LinkedHashMap<>();
            for (String line : content.substring(4, end).split("\n")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
            docs.put(meta.get("id"), new KnowledgeBase.NewDocument(meta.get("title"), content.substring(end + 5).strip(),
                    meta.get("source"), meta.get("lang")));
        }
        return docs;
    }

    public static void seedIfEmpty(KnowledgeBase kb) throws IOException {
        if (kb.count() > 0) {
            return;
        }
        long start = System.nanoTime();
        Map<String, KnowledgeBase.NewDocument> docs = bundled();
        kb.ingestAll(docs);
        log.info("seeded the knowledge base with {} bundled documents in {} ms", docs.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
