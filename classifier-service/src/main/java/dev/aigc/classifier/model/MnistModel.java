package dev.aigc.classifier.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import dev.aigc.serving.model.ModelCard;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A served MNIST model: one or more {@link NetSpec} networks side by side in a {@link ParallelBlock} whose output
 * is the weighted average of their softmax probabilities ({@code [N, 10]}). A single-network version is the same
 * with one member of weight 1, so serving has one code path. The members come from the model card's
 * {@code details.members}.
 */
public final class MnistModel {

    private MnistModel() {
    }

    public static List<Member> members(ModelCard card) {
        Object members = card.details().get("members");
        if (!(members instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("model card of " + card.version() + " lists no members");
        }
        List<Member> result = new ArrayList<>();
        for (Object member : list) {
            result.add(Member.fromMap((Map<?, ?>) member));
        }
        return result;
    }

    public static boolean isEnsemble(ModelCard card) {
        return members(card).size() > 1;
    }

    /** Loads the version in {@code dir} described by {@code card}. */
    public static Model load(Path dir, ModelCard card, Device device) throws IOException, MalformedModelException {
        return load(dir, members(card), device);
    }

    public static Model load(Path dir, List<Member> members, Device device)
            throws IOException, MalformedModelException {
        double total = members.stream().mapToDouble(Member::weight).sum();
        float[] weights = new float[members.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (members.get(i).weight() / total);
        }
        Model model = Model.newInstance("mnist", device, MnistNet.ENGINE);
        try {
            ParallelBlock block = new ParallelBlock(outputs -> average(outputs, weights));
            for (Member member : members) {
                SequentialBlock net = member.spec().build();
                Path params = dir.resolve(member.file()).normalize();
                if (!params.startsWith(dir.normalize())) {
                    throw new IOException("member file " + member.file() + " is outside " + dir);
                }
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
                    net.loadParameters(model.getNDManager(), in);
                }
                block.add(net);
            }
            model.setBlock(block);
            return model;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static NDList average(List<NDList> logits, float[] weights) {
        NDArray sum = null;
        for (int i = 0; i < weights.length; i++) {
            NDArray probs = logits.get(i).singletonOrThrow().softmax(1).mul(weights[i]);
            sum = sum == null ? probs : sum.add(probs);
        }
        return new NDList(sum);
    }
}
