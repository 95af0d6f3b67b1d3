package dev.aigc.serving.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a registry's version directories come from: a filesystem root or a classpath location. */
interface ModelSource extends AutoCloseable {

    /** Version names double as directory names, so they are kept to a safe alphabet. */
    Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The version directories that hold a readable {@code model-card.json}, by version name. */
    Map<String, ModelCard> scan() throws IOException;

    /** A real directory holding every file of {@code version}. */
    Path materialize(String version) throws IOException;

    /** The root new versions may be written under, when the source is a writable directory. */
    Optional<Path> writableRoot();

    /** Removes temporary copies, if any. */
    @Override
    void close();

    static ModelSource of(String location, String modelName, ClassLoader classLoader) {
        if (location.startsWith("classpath:") || location.startsWith("classpath*:")) {
            String path = location.substring(location.indexOf(':') + 1);
            return new ClasspathModelSource(path, modelName, classLoader);
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        return new DirectoryModelSource(Path.of(path));
    }
}
