package dev.aigc.nlp.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The coefficients of a model fitted offline by the evaluation command and shipped as a classpath properties file
 * ({@link ConfidenceModel}, {@link LanguageSwitch}): every value is required, and a missing file or key fails at
 * start-up with its name.
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

    double number(String key) {
        String v = properties.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(resource + " lacks " + key);
        }
        return Double.parseDouble(v.strip());
    }
}
