package dev.aigc.classifier.training;

import dev.aigc.classifier.model.Member;
import dev.aigc.classifier.model.MnistModel;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.model.ModelCard;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Combines single-network version directories into one ensemble version. Each member's weight is proportional to
 * 1 / (its validation error), the validation accuracy coming from its own model card (measured on the validation
 * split of the training set, never on the test set); the weights are normalised to sum to 1.
 */
final class EnsembleVersion {

    private final List<Path> memberDirs;
    private final PrintStream log;

    EnsembleVersion(List<Path> memberDirs, PrintStream log) {
        this.memberDirs = memberDirs;
        this.log = log;
    }

    Path write(Path out, String version, MnistData validation, MnistData test) throws Exception {
        if (memberDirs.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two members");
        }
        VersionWriter writer = new VersionWriter(out, version, log);
        List<ModelCard> cards = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        List<Double> validationAccuracies = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path dir : memberDirs) {
            ModelCard card = ModelCard.read(dir);
            List<Member> inner = MnistModel.members(card);
            if (inner.size() != 1) {
                throw new IOException(dir + " is not a single-network version");
            }
            Member member = inner.get(0);
            if (!names.add(member.name())) {
                throw new IOException("two members are called " + member.name());
            }
            double accuracy = ((Number) card.metrics().get("validationAccuracy")).doubleValue();
            double error = Math.max(1.0 - accuracy, 1.0 / validation.size());
            writer.copyWeights(dir.resolve(member.file()), member.file());
            members.add(new Member(member.name(), member.spec(), member.file(), 1.0 / error));
            validationAccuracies.add(accuracy);
            cards.add(card);
        }
        double total = members.stream().mapToDouble(Member::weight).sum();
        members.replaceAll(m -> new Member(m.name(), m.spec(), m.file(), Evaluation.round(m.weight() / total)));

        VersionWriter.Measured measured = writer.measure(members, validation, test);
        writer.confusion(measured.test());
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (ModelCard card : cards) {
            Map<?, ?> history = (Map<?, ?>) card.training().get("history");
            curves.put(card.version() + " validation accuracy", doubles(history.get("validation_accuracy")));
            curves.put(card.version() + " train loss", doubles(history.get("train_loss")));
        }
        writer.curves("MNIST ensemble members: validation accuracy and train loss per epoch", curves);

        List<Object> memberInfo = new ArrayList<>();
        Map<String, Object> memberTest = new LinkedHashMap<>();
        long duration = 0;
        for (int i = 0; i < members.size(); i++) {
            ModelCard card = cards.get(i);
            Map<String, Object> info = new LinkedHashMap<>(members.get(i).describe());
            info.put("fromVersion", card.version());
            info.put("validationAccuracy", validationAccuracies.get(i));
            info.put("testAccuracy", card.metrics().get("testAccuracy"));
            memberInfo.add(info);
            memberTest.put(members.get(i).name(), card.metrics().get("testAccuracy"));
            duration += ((Number) card.training().getOrDefault("durationSeconds", 0)).longValue();
        }
        Map<String, Object> metrics = new LinkedHashMap<>(measured.metrics());
        metrics.put("memberTestAccuracy", memberTest);
        metrics.put("note", "validationAccuracy of the ensemble is measured on the split that also set its weights");

        Map<String, Object> training = new LinkedHashMap<>();
        training.put("combination", "weighted average of member softmax probabilities");
        training.put("weighting", "weight ∝ 1 / validation error of each member, normalised to sum to 1");
        training.put("validationExamples", validation.size());
        training.put("durationSeconds", duration);
        training.put("members", cards.stream().map(c -> Map.of("version", c.version(), "training", c.training()))
                .toList());

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "ensemble");
        details.put("engine", "PyTorch 2.0.1 via DJL 0.25.0");
        details.put("input", "float32 [N, 1, 28, 28], MNIST layout: white ink (1) on black (0), digit centred by mass");
        details.put("output", "float32 [N, 10] weighted average of the members' softmax probabilities");
        details.put("parameters", measured.parameters());
        details.put("members", memberInfo);
        return writer.finish(training, metrics, details);
    }

    private static double[] doubles(Object list) {
        if (list instanceof List<?> values) {
            return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }
        if (list instanceof double[] values) {
            return values;
        }
        return new double[0];
    }
}
