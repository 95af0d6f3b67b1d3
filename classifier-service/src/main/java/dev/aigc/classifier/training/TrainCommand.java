package dev.aigc.classifier.training;

import dev.aigc.classifier.model.NetSpec;
import dev.aigc.serving.data.MnistData;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line entry point for training (see {@code classifier-service/train.sh}).
 *
 * <pre>
 * fit      --name m1 [--seed 1 --width 16 --hidden 128 --dropout 0.3 --epochs 10 --batch 128 --lr 0.002
 *          --train-size 55000 --max-batches 0 --augment true --checkpoints checkpoints/classifier]
 *          trains (or resumes) one network; checkpoints in CHECKPOINTS/NAME/
 * train    the fit options plus [--version NAME --out classifier-service/src/main/resources/models/mnist]
 *          fit, then write a single-network version directory OUT/VERSION
 * ensemble --members DIR,DIR,DIR --version NAME [--out ... --train-size 55000]
 *          combine single-network version directories into an ensemble version, weighting each member by
 *          1 / (validation error), measured on the validation split
 * </pre>
 */
public final class TrainCommand {

    private TrainCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: TrainCommand fit|train|ensemble --name NAME [options]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "fit" -> fit(options);
            case "train" -> train(options);
            case "ensemble" -> ensemble(options);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static RunState fit(Map<String, String> o) throws Exception {
        TrainSettings settings = settings(o);
        Path runDir = checkpoints(o).resolve(settings.name());
        MnistData all = MnistData.load(MnistData.Split.TRAIN);
        MnistData train = all.slice(0, settings.trainSize());
        MnistData validation = all.slice(settings.trainSize(), all.size());
        return new TrainRun(settings, runDir, System.out).fit(train, validation);
    }

    static Path train(Map<String, String> o) throws Exception {
        TrainSettings settings = settings(o);
        Path runDir = checkpoints(o).resolve(settings.name());
        MnistData all = MnistData.load(MnistData.Split.TRAIN);
        MnistData validation = all.slice(settings.trainSize(), all.size());
        RunState state = new TrainRun(settings, runDir, System.out).fit(all.slice(0, settings.trainSize()), validation);
        MnistData test = MnistData.load(MnistData.Split.TEST);
        return new SingleVersion(settings, state, runDir, System.out)
                .write(out(o), o.getOrDefault("version", settings.name()), validation, test);
    }

    static Path ensemble(Map<String, String> o) throws Exception {
        List<Path> members = Arrays.stream(required(o, "members").split(",")).map(String::trim).map(Path::of).toList();
        int trainSize = integer(o, "train-size", 55_000);
        MnistData validation = MnistData.load(MnistData.Split.TRAIN).slice(trainSize, TrainSettings.MNIST_TRAIN);
        MnistData test = MnistData.load(MnistData.Split.TEST);
        return new EnsembleVersion(members, System.out).write(out(o), required(o, "version"), validation, test);
    }

    static Path out(Map<String, String> o) {
        return Path.of(o.getOrDefault("out", "classifier-service/src/main/resources/models/mnist"));
    }

    static TrainSettings settings(Map<String, String> o) {
        NetSpec spec = new NetSpec(integer(o, "width", 16), integer(o, "hidden", 128),
                Float.parseFloat(o.getOrDefault("dropout", "0.3")));
        return new TrainSettings(required(o, "name"), Long.parseLong(o.getOrDefault("seed", "1")), spec,
                integer(o, "epochs", 10), integer(o, "batch", 128), Float.parseFloat(o.getOrDefault("lr", "0.002")),
                integer(o, "train-size", 55_000), integer(o, "max-batches", 0),
                Boolean.parseBoolean(o.getOrDefault("augment", "true")));
    }

    static Path checkpoints(Map<String, String> o) {
        return Path.of(o.getOrDefault("checkpoints", "checkpoints/classifier"));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> map = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at " + args[i]);
            }
            map.put(args[i].substring(2), args[++i]);
        }
        return map;
    }

    private static int integer(Map<String, String> o, String key, int fallback) {
        return Integer.parseInt(o.getOrDefault(key, Integer.toString(fallback)));
    }

    private static String required(Map<String, String> o, String key) {
        String value = o.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }
}
