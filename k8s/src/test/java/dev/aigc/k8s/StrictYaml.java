package dev.aigc.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YAML loading that refuses duplicated keys: a key written twice in one mapping is an error here, where
 * kubectl and docker-compose would silently keep the last value.
 */
final class StrictYaml {

    private StrictYaml() {
    }

    static Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        return new Yaml(new SafeConstructor(options));
    }

    /** Every non-empty document of a (multi-document) YAML text, each as a mapping. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : parser().loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException("YAML document is not a mapping: " + document);
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    /** Every non-empty document, whatever its shape (JSON patches are lists). */
    static List<Object> anyDocuments(Path file) {
        List<Object> documents = new ArrayList<>();
        parser().loadAll(read(file)).forEach(d -> {
            if (d != null) {
                documents.add(d);
            }
        });
        return documents;
    }

    static List<Map<String, Object>> documents(Path file) {
        return documents(read(file));
    }

    static Map<String, Object> single(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + documents.size() + " documents, expected one");
        }
        return documents.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
