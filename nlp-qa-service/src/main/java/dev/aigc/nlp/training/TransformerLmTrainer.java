package dev.aigc.nlp.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.CharVocab;
import dev.aigc.nlp.generate.TransformerLmBlock;
import dev.aigc.nlp.generate.TransformerLmConfig;
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
 * Trains the decoder-only Transformer on the modern corpus ({@code train.txt} and {@code validation.txt} from
 * {@link ModernCorpusBuilder}) with Adam, linear warm-up and cosine decay to a tenth of the peak rate, gradient
 * clipping at 1, on random windows of the context length. An "epoch" is a fixed number of steps; after each one it
 * records train and validation loss and writes a checkpoint, so an interrupted run resumes where it stopped (Adam's
 * moments restart, so the rate warms up again; the schedule then continues). At the end it writes the version directory: weights,
 * vocab, PNG loss curve and a model card. Test-set metrics are added by {@code LanguageModelEvaluation}.
 */
public final class TransformerLmTrainer {

    private final TransformerLmTrainingSettings settings;

    public TransformerLmTrainer(TransformerLmTrainingSettings settings) {
        this.settings = settings;
    }

    public ModelCard train() throws IOException, MalformedModelException {
        String trainText = Files.readString(settings.corpus().resolve("train.txt"), StandardCharsets.UTF_8);
        String valText = Files.readString(settings.corpus().resolve("validation.txt"), StandardCharsets.UTF_8);
        CharVocab vocab = CharVocab.build(trainText, settings.maxVocab(), settings.minCount());
        int[] train = vocab.encode(trainText);
        int[] val = vocab.encode(valText);
        TransformerLmConfig config = new TransformerLmConfig(vocab.size(), settings.contextLength(),
                settings.embeddingSize(), settings.layers(), settings.heads(), settings.mlpSize());
        System.out.printf("train %,d chars, validation %,d, vocab %d (train coverage %.4f, validation %.4f), "
                        + "%d epochs x %d steps of %d x %d%n", train.length, val.length, vocab.size(),
                vocab.coverage(trainText), vocab.coverage(valText), settings.epochs(), settings.stepsPerEpoch(),
                settings.batchSize(), settings.contextLength());

        Instant started = Instant.now();
        List<Double> trainLosses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        try (Model model = Model.newInstance(CharLanguageModel.NAME, "PyTorch")) {
            model.setBlock(new TransformerLmBlock(config));
            Checkpoint checkpoint = new Checkpoint(settings.checkpoints());
            int[] offset = {0};
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam()
                            .optLearningRateTracker(schedule(offset))
                            .optClipGrad(1f)
                            .build());
            // Restore before the trainer exists: its parameter store keeps the arrays it first sees, so weights
            // loaded afterwards would be ignored. initialize() then only marks the loaded arrays for gradients.
            int startEpoch = checkpoint.restore(model, vocab, trainLosses, valLosses);
            offset[0] = startEpoch * settings.stepsPerEpoch();
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(settings.batchSize(), settings.contextLength()));
                long prior = checkpoint.priorSeconds();
                System.out.printf("%,d parameters, %,d forward FLOPs per character%n", parameters(model),
                        config.forwardFlopsPerToken());
                for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
                    Instant epochStart = Instant.now();
                    double trainLoss = trainEpoch(trainer, train, vocab.size(), epoch);
                    double valLoss = evaluate(model, val, vocab.size());
                    trainLosses.add(trainLoss);
                    valLosses.add(valLoss);
                    System.out.printf("epoch %d/%d train loss %.4f val loss %.4f (%.3f bits/char) in %d s%n",
                            epoch + 1, settings.epochs(), trainLoss, valLoss, valLoss / Math.log(2),
                            Duration.between(epochStart, Instant.now()).toSeconds());
                    checkpoint.save(model, vocab, trainLosses, valLosses,
                            prior + Duration.between(started, Instant.now()).toSeconds());
                }
                return writeVersion(model, vocab, config, train.length, val.length, trainLosses, valLosses,
                        Duration.ofSeconds(prior).plus(Duration.between(started, Instant.now())));
            }
        }
    }

    /** Linear warm-up to the peak, then cosine decay to a tenth of it at the last step; continues after a resume. */
    private Tracker schedule(int[] offset) {
        float peak = settings.learningRate();
        int warmup = settings.warmupSteps();
        int total = Math.max(settings.totalSteps(), warmup + 1);
        return numUpdate -> {
            int step = offset[0] + numUpdate;
            if (step < warmup) {
                return peak * (step + 1) / warmup;
            }
            double progress = Math.min(1.0, (double) (step - warmup) / (total - warmup));
            double rate = peak * (0.1 + 0.45 * (1 + Math.cos(Math.PI * progress)));
            // After a resume Adam's moments start from zero, and its first steps at the full rate would undo the
            // training so far: warm up again over the same number of steps.
            double rewarm = offset[0] > 0 ? Math.min(1.0, (numUpdate + 1.0) / warmup) : 1.0;
            return (float) (rate * rewarm);
        };
    }

    private double trainEpoch(Trainer trainer, int[] train, int vocabSize, int epoch) {
        return CharWindows.trainEpoch(trainer, train, vocabSize, settings.batchSize(), settings.contextLength(),
                settings.stepsPerEpoch(), new Random(settings.seed() * 1_000_003L + epoch), "epoch " + (epoch + 1));
    }

    /** Mean cross-entropy (nats per character) over consecutive held-out windows (at most {@code valWindows}). */
    double evaluate(Model model, int[] val, int vocabSize) {
        int t = settings.contextLength();
        return CharWindows.meanLoss(model, val, vocabSize, t, Math.min(settings.valWindows(), (val.length - 1) / t), 16);
    }

    private static long parameters(Model model) {
        return model.getBlock().getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    private ModelCard writeVersion(Model model, CharVocab vocab, TransformerLmConfig config, int trainChars,
                                   int valChars, List<Double> trainLosses, List<Double> valLosses, Duration took)
            throws IOException {
        Path dir = settings.output();
        List<String> params = Checkpoint.writeWeights(dir, model, vocab);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train loss", trainLosses.stream().mapToDouble(Double::doubleValue).toArray());
        series.put("validation loss", valLosses.stream().mapToDouble(Double::doubleValue).toArray());
        Charts.lines(dir.resolve("loss-curve.png"), "Transformer LM: cross-entropy per character (nats)",
                "epoch (" + settings.stepsPerEpoch() + " steps)", series);

        double valLoss = valLosses.isEmpty() ? Double.NaN : valLosses.get(valLosses.size() - 1);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", trainLosses.size());
        training.put("stepsPerEpoch", settings.stepsPerEpoch());
        training.put("batchSize", settings.batchSize());
        training.put("contextLength", settings.contextLength());
        training.put("charactersSeen", (long) trainLosses.size() * settings.stepsPerEpoch() * settings.batchSize()
                * settings.contextLength());
        training.put("optimizer", "Adam, linear warm-up then cosine decay to 0.1x, gradient clipping 1.0");
        training.put("learningRate", settings.learningRate());
        training.put("warmupSteps", settings.warmupSteps());
        training.put("initialisation", "normal(0, 0.02) for every weight");
        training.put("seed", settings.seed());
        training.put("wallClockSeconds", took.toSeconds());
        training.put("threads", "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"));
        training.put("trainLossPerEpoch", trainLosses);
        training.put("validationLossPerEpoch", valLosses);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("validationLoss", valLoss);
        metrics.put("validationBitsPerCharacter", valLoss / Math.log(2));
        metrics.put("validationPerplexity", Math.exp(valLoss));
        metrics.put("validationCharacters", Math.min(valChars, settings.valWindows() * settings.contextLength()));
        Map<String, Object> details = new LinkedHashMap<>(config.toMap());
        details.put("tokenizer", "characters (Unicode code points) seen at least " + settings.minCount()
                + " times in train.txt, at most " + settings.maxVocab() + "; id 0 = unknown");
        details.put("parameterCount", parameters(model));
        details.put("forwardFlopsPerCharacter", config.forwardFlopsPerToken());
        details.put("trainCharacters", trainChars);
        details.put("validationCharactersHeldOut", valChars);
        details.put("corpus", "nlp-qa-service/corpus/lm-sources.tsv built by scripts/build-lm-corpus.sh");
        List<String> files = new ArrayList<>(params);
        files.addAll(List.of(CharVocab.FILE_NAME, "loss-curve.png", ModelCard.FILE_NAME));
        details.put("files", files);
        ModelCard card = new ModelCard(CharLanguageModel.NAME, dir.getFileName().toString(), Instant.now(),
                "modern Chinese documentation prose + some English (" + trainChars + " training characters)",
                training, metrics, details);
        card.write(dir);
        return card;
    }

    public static void main(String[] args) throws Exception {
        ModelCard card = new TransformerLmTrainer(TransformerLmTrainingSettings.fromArgs(args)).train();
        System.out.println(card.toJson());
    }
}
