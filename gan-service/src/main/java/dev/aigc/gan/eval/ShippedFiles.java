package dev.aigc.gan.eval;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Finds a folder of weights shipped on the classpath. DJL needs real files, so a folder inside a jar is copied to a
 * temporary directory (the files to copy are listed in the folder's {@code files.txt}).
 */
final class ShippedFiles {

    private ShippedFiles() {
    }

    static Path directory(String resource) throws IOException {
        ClassLoader loader = ShippedFiles.class.getClassLoader();
        URL index = loader.getResource(resource + "/files.txt");
        if (index == null) {
            throw new IOException("No shipped weights at classpath:" + resource + " (train them first)");
        }
        if ("file".equals(index.getProtocol())) {
            try {
                return Path.of(index.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Path dir = Files.createTempDirectory("gan-eval-");
        List<String> names;
        try (InputStream in = index.openStream()) {
            names = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream(resource + "/" + name)) {
                if (in == null) {
                    throw new IOException("Missing shipped file classpath:" + resource + "/" + name);
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        dir.toFile().deleteOnExit();
        return dir;
    }
}
