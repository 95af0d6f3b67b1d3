package dev.aigc.nlp.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The coefficients of a logistic regression fitted offline by the evaluation command and shipped as a classpath
 * properties file ({@link ConfidenceModel}, {@link LanguageSwitch}): every value is required, and a missing file or
 * key fails at start-up with its name; plus the regression's probability and description, shared by both models.
 */
final class FittedParameters {

    private final String resource;
    private final Properties properties = new Properties();

    private FittedParameters(String resource) {
        this.resource = resource;
    }

    static FittedParameters load(String resource) {
        FittedParameters f = new FittedParameters(resource);
        try (InputStream in = FittedParameters.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            f.properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** The weights {@code prefix + "weight." + name}, in the order of {@code names}. */
    double[] weights(String prefix, List<String> names) {
        double[] w = new double[names.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = number(prefix + "weight." + names.get(i));
        }
        return w;
    }

    /** {@code 1 / (1 + exp(−(intercept + Σ weights[i] · x[i])))}. */
    static double logistic(double intercept, double[] weights, double[] x) {
        double z = intercept;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** "intercept …, name weight, …; threshold …" for logs and the evaluation report. */
    static String describe(double intercept, double[] weights, List<String> names, double threshold) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "intercept %.4f", intercept));
        for (int i = 0; i < weights.length; i++) {
            sb.append(String.format(Locale.ROOT, ", %s %.4f", names.get(i), weights[i]));
        }
        return sb.append(String.format(Locale.ROOT, "; threshold %.3f", threshold)).toString();
    }

    double number(String key) {
        String v = properties.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return Double.parseDouble(v.strip());
    }
}
