package dev.aigc.nlp.qa;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Chunk;
import dev.aigc.nlp.kb.KbFields;
import dev.aigc.nlp.kb.Languages;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dense counterpart of the English view ({@link KbFields#VIEW_EN}): the English bge-small-en-v1.5 embedding of a
 * chunk's English view (an English chunk's own text, a Chinese chunk glossed word by word, {@link Bilingual#gloss})
 * and of the question in English (a Chinese question glossed the same way). Both languages' pages are then compared
 * by one English model on one scale, which the Chinese bge model that ranks the base cannot do across languages.
 *
 * <p>Chunk embeddings are derived data, recomputed from the chunk's text on demand and kept in a bounded LRU cache
 * (key: document, chunk index and a hash of the chunk's language, title, heading and text, so a re-ingested
 * document with new text misses, and the gloss runs only on a miss). Nothing is
 * stored per pod that another replica would need: a cold replica recomputes what it uses.
 */
public final class DenseEnglishView {

    private final BgeEmbedder english;
    private final Bilingual bilingual;
    private final Map<String, float[]> cache;
    private final int capacity;

    /**
     * @param english  the English bge model ({@link BgeEmbedder.Model#EN})
     * @param capacity the most chunk embeddings kept (each 384 floats)
     */
    public DenseEnglishView(BgeEmbedder english, Bilingual bilingual, int capacity) {
        if (english.model() != BgeEmbedder.Model.EN) {
            throw new IllegalArgumentException("the dense English view needs the English bge model");
        }
        this.english = english;
        this.bilingual = bilingual;
        this.capacity = capacity;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A view over the same model and dictionaries with an empty cache of the same capacity. */
    public DenseEnglishView withEmptyCache() {
        return new DenseEnglishView(english, bilingual, capacity);
    }

    /** The question in English (a Chinese question glossed), embedded with the model's query instruction. */
    public float[] question(String question) {
        String text = Languages.ZH.equals(Languages.detect(question)) ? bilingual.gloss(question) : question;
        return english.embedQuery(text);
    }

    /** The embedding of a chunk's English view (cached). */
    public float[] chunk(Chunk c) {
        // keyed by the chunk's own text: the gloss (a dictionary walk over the whole chunk) runs only on a miss
        String key = c.docId() + "#" + c.index() + ":" + Objects.hash(c.lang(), c.title(), c.heading(), c.text());
        synchronized (cache) {
            float[] v = cache.get(key);
            if (v != null) {
                return v;
            }
        }
        float[] v = english.embed(KbFields.englishView(c, bilingual::gloss));
        synchronized (cache) {
            cache.put(key, v);
        }
        return v;
    }

    /** The best cosine between the question's vector and the English views of the given chunks (−1 when none). */
    public double best(float[] question, Collection<Chunk> chunks) {
        double best = -1;
        for (Chunk c : chunks) {
            best = Math.max(best, BgeEmbedder.dot(question, chunk(c)));
        }
        return best;
    }

    /** How many chunk embeddings the cache holds. */
    public int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
