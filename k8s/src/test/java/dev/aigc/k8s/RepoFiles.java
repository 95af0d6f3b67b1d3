package dev.aigc.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths inside the repository, found from the module's working directory. */
final class RepoFiles {

    static final List<String> SERVICES =
            List.of("gateway-service", "gan-service", "classifier-service", "nlp-qa-service", "career-service");
    static final List<String> ML_SERVICES = List.of("gan-service", "classifier-service", "nlp-qa-service");

    private static final Path ROOT = findRoot();

    private RepoFiles() {
    }

    static Path root() {
        return ROOT;
    }

    static Path resolve(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every *.yaml / *.yml file below a repository folder. */
    static List<Path> yamlFilesUnder(String relative) {
        try (Stream<Path> files = Files.walk(ROOT.resolve(relative))) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml")) && Files.isDirectory(p.resolve("k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root (with docker-compose.yml and k8s/) not found above " + dir);
    }
}
