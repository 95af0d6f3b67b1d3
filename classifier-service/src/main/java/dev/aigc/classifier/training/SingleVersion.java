package dev.aigc.classifier.training;

import dev.aigc.classifier.model.Member;
import dev.aigc.serving.data.MnistData;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a finished training run into a single-network version directory. */
final class SingleVersion {

    private final TrainSettings settings;
    private final RunState state;
    private final Path runDir;
    private final PrintStream log;

    SingleVersion(TrainSettings settings, RunState state, Path runDir, PrintStream log) {
        this.settings = settings;
        this.state = state;
        this.runDir = runDir;
        this.log = log;
    }

    Path write(Path out, String version, MnistData validation, MnistData test) throws Exception {
        VersionWriter writer = new VersionWriter(out, version, log);
        String file = settings.name() + ".params";
        writer.copyWeights(RunState.checkpoint(runDir, state.epochsDone()), file);
        Member member = new Member(settings.name(), settings.spec(), file, 1.0);
        VersionWriter.Measured measured = writer.measure(List.of(member), validation, test);
        writer.curves("MNIST CNN " + settings.name() + ": loss and accuracy per epoch", curves(state));
        writer.confusion(measured.test());

        Map<String, Object> training = new LinkedHashMap<>(settings.describe());
        training.put("epochsRun", state.epochsDone());
        training.put("durationSeconds", Math.round(state.trainingMillis() / 1000.0));
        training.put("secondsPerEpoch", Math.round(state.trainingMillis() / 100.0 / state.epochsDone()) / 10.0);
        training.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", -1));
        training.put("history", history(state));

        Map<String, Object> memberInfo = new LinkedHashMap<>(member.describe());
        memberInfo.put("validationAccuracy", Evaluation.round(measured.validation().accuracy()));
        memberInfo.put("testAccuracy", Evaluation.round(measured.test().accuracy()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "single");
        details.put("engine", "PyTorch 2.0.1 via DJL 0.25.0");
        details.put("input", "float32 [N, 1, 28, 28], MNIST layout: white ink (1) on black (0), digit centred by mass");
        details.put("output", "float32 [N, 10] softmax probabilities");
        details.put("parameters", measured.parameters());
        details.put("members", List.of(memberInfo));
        return writer.finish(training, measured.metrics(), details);
    }

    static Map<String, double[]> curves(RunState state) {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train loss", column(state, RunState.EpochStats::trainLoss));
        series.put("validation loss", column(state, RunState.EpochStats::validationLoss));
        series.put("train accuracy", column(state, RunState.EpochStats::trainAccuracy));
        series.put("validation accuracy", column(state, RunState.EpochStats::validationAccuracy));
        return series;
    }

    static Map<String, Object> history(RunState state) {
        Map<String, Object> history = new LinkedHashMap<>();
        curves(state).forEach((name, values) -> {
            double[] rounded = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                rounded[i] = Evaluation.round(values[i]);
            }
            history.put(name.replace(' ', '_'), rounded);
        });
        history.put("learning_rate", column(state, RunState.EpochStats::learningRate));
        history.put("seconds", column(state, s -> s.millis() / 1000.0));
        return history;
    }

    private static double[] column(RunState state, java.util.function.ToDoubleFunction<RunState.EpochStats> f) {
        return state.history().stream().mapToDouble(f).toArray();
    }
}
