package dev.aigc.nlp.classify;

import dev.aigc.nlp.embed.BgeEmbedder;
import dev.aigc.nlp.kb.Languages;
import dev.aigc.serving.web.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Zero-shot classification with the bge embedding model: each label is turned into a short description ("这段文字
 * 的主题是：体育" / "This text is about: sports") and the text goes to the label whose description is most similar;
 * a softmax with temperature {@value #TEMPERATURE} turns the cosine similarities into scores.
 */
public class ZeroShotClassifier {

    static final double TEMPERATURE = 0.05;

    private final BgeEmbedder embedder;

    public ZeroShotClassifier(BgeEmbedder embedder) {
        this.embedder = embedder;
    }

    public ClassificationResponse classify(String text, List<String> labels) {
        if (new HashSet<>(labels.stream().map(String::strip).toList()).size() != labels.size()) {
            throw ApiException.badRequest("labels must be distinct");
        }
        List<String> inputs = new ArrayList<>();
        inputs.add(text);
        for (String label : labels) {
            inputs.add(Languages.ZH.equals(Languages.detect(label)) ? "这段文字的主题是：" + label.strip()
                    : "This text is about: " + label.strip());
        }
        List<float[]> v = embedder.embed(inputs);
        double[] sims = new double[labels.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = BgeEmbedder.dot(v.get(0), v.get(i + 1));
        }
        double[] p = softmax(sims, TEMPERATURE);
        List<ClassificationResponse.LabelScore> scores = new ArrayList<>();
        for (int i = 0; i < sims.length; i++) {
            scores.add(new ClassificationResponse.LabelScore(labels.get(i), round(p[i]), round(sims[i])));
        }
        scores.sort(Comparator.comparingDouble(ClassificationResponse.LabelScore::similarity).reversed());
        return new ClassificationResponse(scores.get(0).label(), scores);
    }

    static double[] softmax(double[] x, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] p = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp((x[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < x.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
