package dev.aigc.serving.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Versions packaged on the classpath under {@code <path>/<version>/model-card.json}, in a directory, a jar or a
 * Spring Boot fat jar. DJL needs real files, so each version is copied to a temporary directory: its card while
 * scanning, the rest when the version is first loaded. The copies are deleted on {@link #close()}.
 */
final class ClasspathModelSource implements ModelSource {

    private static final Logger log = LoggerFactory.getLogger(ClasspathModelSource.class);

    private final String path;
    private final String modelName;
    private final PathMatchingResourcePatternResolver resolver;
    /** Base URL (ending in '/') of each version found. */
    private final Map<String, String> bases = new HashMap<>();
    private final Set<String> copied = new HashSet<>();
    private Path tempRoot;

    ClasspathModelSource(String path, String modelName, ClassLoader classLoader) {
        this.path = trimSlashes(path);
        this.modelName = modelName;
        this.resolver = new PathMatchingResourcePatternResolver(classLoader);
    }

    @Override
    public synchronized Map<String, ModelCard> scan() throws IOException {
        Map<String, ModelCard> cards = new TreeMap<>();
        for (Resource resource : resolver.getResources("classpath*:" + path + "/*/" + ModelCard.FILE_NAME)) {
            String url = resource.getURL().toString();
            String base = url.substring(0, url.length() - ModelCard.FILE_NAME.length());
            String version = lastSegment(base);
            if (!VERSION.matcher(version).matches() || cards.containsKey(version)) {
                if (cards.containsKey(version)) {
                    log.warn("Version {} of {} found twice on the classpath; keeping {}", version, modelName,
                            bases.get(version));
                }
                continue;
            }
            Path card = versionDir(version).resolve(ModelCard.FILE_NAME);
            copy(resource, card);
            try {
                cards.put(version, ModelCard.read(card));
                bases.put(version, base);
            } catch (IOException e) {
                log.warn("Skipping version {} of {}: {}", version, modelName, e.getMessage());
            }
        }
        return cards;
    }

    @Override
    public synchronized Path materialize(String version) throws IOException {
        String base = bases.get(version);
        if (base == null) {
            throw new IOException("No version " + version + " of " + modelName + " on the classpath");
        }
        Path dir = versionDir(version);
        if (copied.add(version)) {
            int files = 0;
            for (Resource resource : resolver.getResources(base + "**")) {
                String url = resource.getURL().toString();
                if (!url.startsWith(base) || url.endsWith("/") || isDirectory(resource)) {
                    continue;
                }
                Path target = dir.resolve(url.substring(base.length())).normalize();
                if (!target.startsWith(dir)) {
                    continue;
                }
                copy(resource, target);
                files++;
            }
            log.info("Copied {} files of {} {} from the classpath to {}", files, modelName, version, dir);
        }
        return dir;
    }

    @Override
    public Optional<Path> writableRoot() {
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (tempRoot == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tempRoot)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete {}: {}", tempRoot, e.getMessage());
        }
        tempRoot = null;
        copied.clear();
    }

    private Path versionDir(String version) throws IOException {
        if (tempRoot == null) {
            tempRoot = Files.createTempDirectory("models-" + modelName.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        }
        return Files.createDirectories(tempRoot.resolve(version));
    }

    private static void copy(Resource resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = resource.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isDirectory(Resource resource) {
        try {
            return resource.isFile() && resource.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private static String lastSegment(String base) {
        String trimmed = base.substring(0, base.length() - 1);
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String trimSlashes(String value) {
        String trimmed = value;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    @Override
    public String toString() {
        return "classpath:" + path;
    }
}
