package dev.aigc.nlp.generate;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads a {@link CharLanguageModel} version from a directory or from the classpath; classpath versions are copied
 * to a temporary directory first because DJL loads parameters from files.
 */
public final class CharLmLoader {

    private CharLmLoader() {
    }

    public static CharLanguageModel load(String location, String version) throws Exception {
        if (!location.startsWith("classpath:")) {
            return CharLanguageModel.load(Path.of(location, version));
        }
        String base = location.substring("classpath:".length()).replaceAll("^/+|/+$", "");
        Resource[] files = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + base + "/" + version + "/*");
        if (files.length == 0) {
            throw new IOException("no model files under classpath:" + base + "/" + version);
        }
        Path dir = Files.createTempDirectory("charlm-" + version);
        dir.toFile().deleteOnExit();
        for (Resource r : files) {
            Path target = dir.resolve(r.getFilename());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            target.toFile().deleteOnExit();
        }
        return CharLanguageModel.load(dir);
    }
}
