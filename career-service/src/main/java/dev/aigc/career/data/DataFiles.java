package dev.aigc.career.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the versioned data files under {@code classpath:career/}. The mapper is strict: an unknown property, a
 * missing primitive or a fraction where a whole number belongs is a broken data file, found at start-up.
 */
public final class DataFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private DataFiles() {
    }

    /**
     * Every {@code *.json} file in {@code classpath:career/<folder>/}, parsed and keyed by the version each file
     * declares, in file-name order. The declared version must match the file name ({@code v1.json} holds v1).
     */
    public static <T> Map<String, T> readAll(String folder, Class<T> type, Function<T, String> version) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources("classpath*:career/" + folder + "/*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list career/" + folder, e);
        }
        List<Resource> sorted = new ArrayList<>(List.of(resources));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
        Map<String, T> byVersion = new LinkedHashMap<>();
        for (Resource resource : sorted) {
            String name = String.valueOf(resource.getFilename());
            T value = read(resource, type);
            String declared = version.apply(value);
            if (!name.equals(declared + ".json")) {
                throw new IllegalStateException("career/" + folder + "/" + name + " declares version '" + declared + "'");
            }
            byVersion.put(declared, value);
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("No data files under classpath:career/" + folder + "/");
        }
        return byVersion;
    }

    static <T> T read(Resource resource, Class<T> type) {
        try (InputStream in = resource.getInputStream()) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Invalid data file " + resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
