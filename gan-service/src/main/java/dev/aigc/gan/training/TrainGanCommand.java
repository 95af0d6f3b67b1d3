package dev.aigc.gan.training;

import dev.aigc.gan.model.GanArchitecture;
import dev.aigc.serving.data.MnistData;
import dev.aigc.serving.training.ProgressBar;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line: trains a GAN on the MNIST training set in a resumable working folder.
 *
 * <pre>
 * java -cp … dev.aigc.gan.training.TrainGanCommand --arch cdcgan --epochs 12 --batch-size 128 \
 *     --work checkpoints/gan/cdcgan [--lr 2e-4] [--max-batches N] [--checkpoint-every 100]
 * </pre>
 * Then {@link ExportGanCommand} turns the folder into a served model version.
 */
public final class TrainGanCommand {

    private TrainGanCommand() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        GanArchitecture arch = GanArchitecture.of(opts.getOrDefault("arch", "cdcgan"));
        int epochs = Integer.parseInt(opts.getOrDefault("epochs", "12"));
        int batchSize = Integer.parseInt(opts.getOrDefault("batch-size", "128"));
        int maxBatches = Integer.parseInt(opts.getOrDefault("max-batches", "0"));
        Path work = Path.of(opts.getOrDefault("work", "checkpoints/gan/" + arch.id()));
        GanSettings settings = arch == GanArchitecture.CDCGAN
                ? GanSettings.dcgan(epochs, batchSize, Float.parseFloat(opts.getOrDefault("lr", "2e-4")))
                : GanSettings.seedMlp(epochs, batchSize);
        MnistData train = MnistData.load(MnistData.Split.TRAIN);
        System.out.printf("Training %s on %d images: %s, generator %.1f MFLOP/image, work folder %s%n",
                arch.id(), train.size(), settings.describe(), arch.generatorFlops() / 1e6, work.toAbsolutePath());
        TrainingRun run = new TrainingRun(settings, work)
                .checkpointEvery(Integer.parseInt(opts.getOrDefault("checkpoint-every", "100")));
        ProgressBar[] bar = new ProgressBar[1];
        TrainingRun.Listener listener = new TrainingRun.Listener() {
            @Override
            public void onBatch(int batch, int batches, float dLoss, float gLoss) {
                if (bar[0] == null) {
                    bar[0] = new ProgressBar("epoch", batches - batch + 1);
                }
                bar[0].step(String.format("D %.3f G %.3f", dLoss, gLoss));
                if (batch == batches) {
                    bar[0].close();
                    bar[0] = null;
                }
            }

            @Override
            public void onEpoch(GanTrainer.EpochLosses l, Path grid) {
                System.out.printf("epoch %d/%d: D loss %.4f, G loss %.4f, D(real) %.3f, D(fake) %.3f, %d batches,"
                                + " %.1f s; grid %s%n", l.epoch(), epochs, l.discriminator(), l.generator(),
                        l.realProbability(), l.fakeProbability(), l.batches(), l.seconds(), grid);
            }
        };
        try (GanTrainer trainer = run.run(train, null, maxBatches, listener, () -> false)) {
            System.out.println("Finished: " + run.history().size() + " epochs in " + work.toAbsolutePath());
        }
    }

    public static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }
}
