package dev.aigc.serving.model;

import java.nio.file.Path;

/**
 * Turns a version directory (weights plus {@code model-card.json}, always a real directory on disk) into a
 * loaded model, e.g. a DJL {@code ZooModel} built with {@code Criteria.builder().optModelPath(versionDir)}.
 * The returned object is owned by the {@link ModelRegistry}, which closes it once no caller uses it any more.
 */
@FunctionalInterface
public interface ModelLoader<T extends AutoCloseable> {

    T load(Path versionDir, ModelCard card) throws Exception;
}
