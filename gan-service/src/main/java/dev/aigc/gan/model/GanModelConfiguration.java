package dev.aigc.gan.model;

import dev.aigc.gan.GanProperties;
import dev.aigc.serving.model.ModelRegistry;
import dev.aigc.serving.model.ModelStores;
import dev.aigc.serving.model.ThreadLocalPredictors;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generator registry (shipped versions plus those added by training jobs) and per-thread predictors. */
@Configuration(proxyBeanMethods = false)
class GanModelConfiguration {

    static final String NAME = "cdcgan";

    @Bean(initMethod = "start", destroyMethod = "close")
    ModelRegistry<GanGenerator> ganModels(GanProperties properties, ObjectProvider<ModelStores> storeProvider) {
        ModelStores stores = storeProvider.getIfAvailable(ModelStores::none);
        limitEngineThreads(properties.inferenceThreads());
        // the shared store's cdcgan folder when one is configured, else the service's own folder
        Path root = stores.root().map(store -> store.resolve(NAME))
                .orElseGet(() -> Path.of(properties.models().location()).toAbsolutePath());
        String shippedLocation = properties.models().shipped();
        List<String> shipped = shippedLocation == null || shippedLocation.isBlank() ? List.of()
                : stores.seed(root, shippedLocation, NAME);
        // versions added by training jobs are served only when activated (recorded in the store for every replica)
        String defaultVersion = properties.models().defaultVersion();
        if ((defaultVersion == null || defaultVersion.isBlank()) && !shipped.isEmpty()) {
            defaultVersion = shipped.get(shipped.size() - 1);
        }
        return new ModelRegistry<>(NAME, root.toString(), GanGenerator::load, defaultVersion);
    }

    @Bean(destroyMethod = "close")
    ThreadLocalPredictors<GanGenerator, LatentCodes, float[][]> ganPredictors() {
        return new ThreadLocalPredictors<GanGenerator, LatentCodes, float[][]>(GanGenerator::newPredictor);
    }

    /** PyTorch reads these once, when the engine starts; explicit system properties win. */
    private static void limitEngineThreads(int threads) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
