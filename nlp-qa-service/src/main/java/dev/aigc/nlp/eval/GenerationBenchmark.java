package dev.aigc.nlp.eval;

import dev.aigc.nlp.generate.CharLanguageModel;
import dev.aigc.nlp.generate.GenerationRequest;
import dev.aigc.nlp.generate.TextGenerator;
import dev.aigc.serving.model.ModelRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures single-stream generation speed of the shipped character LM: {@code runs} generations of
 * {@code chars} characters each (after one warm-up), printing characters per second of wall-clock time and per
 * second of the generating thread's CPU time (what one uncontended core delivers; PyTorch runs single-threaded on
 * the calling thread here) and a sample.
 * Usage: {@code GenerationBenchmark [model location] [version] [chars] [runs]}.
 */
public final class GenerationBenchmark {

    private GenerationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String location = args.length > 0 ? args[0] : "classpath:models/charlm";
        String version = args.length > 1 ? args[1] : "v1";
        int chars = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        try (ModelRegistry<CharLanguageModel> models = new ModelRegistry<>(CharLanguageModel.NAME, location,
                CharLanguageModel::load, version)) {
            models.start();
            TextGenerator generator = new TextGenerator(models);
            generator.generate("热身", new GenerationRequest.GenerationSettings(50, 1, 0, 1, 0));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double total = 0;
            double totalCpu = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                String text = generator.generate("今天天气很好。", new GenerationRequest.GenerationSettings(chars, 0.8, 20,
                        0.95, i)).text();
                int n = text.codePointCount(0, text.length());
                double rate = n / ((System.nanoTime() - start) / 1e9);
                double cpuRate = n / ((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                total += rate;
                totalCpu += cpuRate;
                System.out.printf(Locale.ROOT, "run %d: %.0f chars/s wall, %.0f chars per CPU-second  %s%n", i + 1, rate,
                        cpuRate, text.substring(0, Math.min(60, text.length())).replace('\n', '/'));
            }
            System.out.printf(Locale.ROOT, "mean %.0f chars/s wall-clock, %.0f chars per CPU-second, over %d runs of %d "
                            + "characters (OMP_NUM_THREADS=%s, load average %.1f on %d cores)%n", total / runs,
                    totalCpu / runs, runs, chars, System.getenv("OMP_NUM_THREADS"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }
}
