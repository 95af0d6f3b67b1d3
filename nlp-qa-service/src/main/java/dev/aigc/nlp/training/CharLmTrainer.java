package dev.aigc.nlp.training;

import ai.djl.Model;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.CharLmConfig;
import dev.aigc.nlp.generate.CharLstmBlock;
import dev.aigc.nlp.generate.CharVocab;
import dev.aigc.serving.model.ModelCard;
import dev.aigc.serving.training.Charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the character LSTM on a corpus file with truncated back-propagation through time on random windows.
 * Every 20th block of 1,000 characters is held out for validation. After each epoch it records train and validation
 * loss and writes a checkpoint (so an interrupted run resumes); at the end it writes the version directory with the
 * weights, vocab, a PNG loss curve and a model card (validation loss, perplexity, corpus size).
 */
public final class CharLmTrainer {

    private final CharLmTrainingSettings settings;

    public CharLmTrainer(CharLmTrainingSettings settings) {
        this.settings = settings;
    }

    public ModelCard train() throws IOException, MalformedModelException {
        String corpus = Files.readString(settings.corpus(), StandardCharsets.UTF_8);
        CharVocab vocab = CharVocab.build(corpus, settings.maxVocab(), 2);
        int[] all = vocab.encode(corpus);
        int[][] split = split(all);
        int[] train = split[0];
        int[] val = split[1];
        CharLmConfig config = new CharLmConfig(vocab.size(), settings.embeddingSize(), settings.hiddenSize(), 1, 0f);
        int batchesPerEpoch = settings.batchesPerEpoch() > 0 ? settings.batchesPerEpoch()
                : train.length / (settings.batchSize() * settings.sequenceLength());
        System.out.printf("corpus %d chars (train %d, val %d), vocab %d (coverage %.4f), %d batches/epoch%n",
                all.length, train.length, val.length, vocab.size(), vocab.coverage(corpus), batchesPerEpoch);

        Instant started = Instant.now();
        List<Double> trainLosses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        try (Model model = Model.newInstance(CharLanguageModel.NAME, "PyTorch")) {
            model.setBlock(new CharLstmBlock(config));
            Checkpoint checkpoint = new Checkpoint(settings.checkpoints());
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(Tracker.fixed(settings.learningRate()))
                            .optClipGrad(1f)
                            .build());
            // Restore before the trainer exists: its parameter store keeps the arrays it first sees, so weights
            // loaded afterwards would be ignored. initialize() then only marks the loaded arrays for gradients.
            int startEpoch = checkpoint.restore(model, vocab, trainLosses, valLosses);
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(settings.batchSize(), settings.sequenceLength()));
                long prior = checkpoint.priorSeconds();
                for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
                    double trainLoss = trainEpoch(trainer, train, vocab.size(), batchesPerEpoch, epoch);
                    double valLoss = evaluate(model, val, vocab.size());
                    trainLosses.add(trainLoss);
                    valLosses.add(valLoss);
                    System.out.printf("epoch %d/%d train loss %.4f val loss %.4f (perplexity %.1f)%n", epoch + 1,
                            settings.epochs(), trainLoss, valLoss, Math.exp(valLoss));
                    checkpoint.save(model, vocab, trainLosses, valLosses,
                            prior + Duration.between(started, Instant.now()).toSeconds());
                }
                return writeVersion(model, vocab, config, corpus, all.length, train.length, val.length, trainLosses,
                        valLosses, Duration.ofSeconds(prior).plus(Duration.between(started, Instant.now())));
            }
        }
    }

    private double trainEpoch(Trainer trainer, int[] train, int vocabSize, int batches, int epoch) {
        return CharWindows.trainEpoch(trainer, train, vocabSize, settings.batchSize(), settings.sequenceLength(),
                batches, new Random(settings.seed() * 1_000_003L + epoch), "epoch " + (epoch + 1));
    }

    /** Mean cross-entropy over consecutive held-out windows (capped at {@code valWindows}), 64 windows a batch. */
    double evaluate(Model model, int[] val, int vocabSize) {
        int t = settings.sequenceLength();
        return CharWindows.meanLoss(model, val, vocabSize, t, Math.min(settings.valWindows(), (val.length - 1) / t), 64);
    }

    private static int[][] split(int[] all) {
        int block = 1000;
        int[] train = new int[all.length];
        int[] val = new int[all.length];
        int nt = 0;
        int nv = 0;
        for (int start = 0, index = 0; start < all.length; start += block, index++) {
            int len = Math.min(block, all.length - start);
            if (index % 20 == 19) {
                System.arraycopy(all, start, val, nv, len);
                nv += len;
            } else {
                System.arraycopy(all, start, train, nt, len);
                nt += len;
            }
        }
        return new int[][] {java.util.Arrays.copyOf(train, nt), java.util.Arrays.copyOf(val, nv)};
    }

    private ModelCard writeVersion(Model model, CharVocab vocab, CharLmConfig config, String corpus, int chars,
                                   int trainChars, int valChars, List<Double> trainLosses, List<Double> valLosses,
                                   Duration took) throws IOException {
        Path dir = settings.output();
        List<String> params = Checkpoint.writeWeights(dir, model, vocab);
        double[] tl = trainLosses.stream().mapToDouble(Double::doubleValue).toArray();
        double[] vl = valLosses.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train loss", tl);
        series.put("validation loss", vl);
        Charts.lines(dir.resolve("loss-curve.png"), "Character LSTM: cross-entropy per character", "epoch", series);

        double valLoss = vl.length == 0 ? Double.NaN : vl[vl.length - 1];
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", trainLosses.size());
        training.put("batchSize", settings.batchSize());
        training.put("sequenceLength", settings.sequenceLength());
        training.put("batchesPerEpoch", settings.batchesPerEpoch() > 0 ? settings.batchesPerEpoch()
                : trainChars / (settings.batchSize() * settings.sequenceLength()));
        training.put("optimizer", "Adam, fixed learning rate, gradient clipping 1.0");
        training.put("learningRate", settings.learningRate());
        training.put("seed", settings.seed());
        training.put("wallClockSeconds", took.toSeconds());
        training.put("threads", "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        training.put("trainLossPerEpoch", trainLosses);
        training.put("validationLossPerEpoch", valLosses);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validationLoss", valLoss);
        metrics.put("validationPerplexity", Math.exp(valLoss));
        metrics.put("trainLoss", tl.length == 0 ? Double.NaN : tl[tl.length - 1]);
        metrics.put("validationCharacters", Math.min(valChars, settings.valWindows() * settings.sequenceLength()));
        Map<String, Object> details = new LinkedHashMap<>(config.toMap());
        details.put("corpusCharacters", chars);
        details.put("trainCharacters", trainChars);
        details.put("validationCharactersHeldOut", valChars);
        details.put("vocabularyCoverage", vocab.coverage(corpus));
        details.put("corpusFile", settings.corpus().getFileName().toString());
        details.put("corpusSources", "Debian fortunes-zh 2.98 (tang300, song100, chinese; GPL-3.0+) + the Chinese "
                + "knowledge-base documents of this service");
        List<String> files = new ArrayList<>(params);
        files.addAll(List.of(CharVocab.FILE_NAME, "loss-curve.png", ModelCard.FILE_NAME));
        details.put("files", files);
        details.put("parameterCount", model.getBlock().getParameters().values().stream()
                .mapToLong(p -> p.getArray().size()).sum());
        ModelCard card = new ModelCard(CharLanguageModel.NAME, dir.getFileName().toString(), Instant.now(),
                "fortunes-zh + knowledge base (" + chars + " characters)", training, metrics, details);
        card.write(dir);
        return card;
    }

    public static void main(String[] args) throws Exception {
        CharLmTrainingSettings settings = CharLmTrainingSettings.fromArgs(args);
        ModelCard card = new CharLmTrainer(settings).train();
        System.out.println(card.toJson());
    }
}
