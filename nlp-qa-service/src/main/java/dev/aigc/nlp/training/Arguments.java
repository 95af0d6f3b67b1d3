package dev.aigc.nlp.training;

import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} command-line arguments of the training and evaluation commands; a later key wins. */
public final class Arguments {

    private Arguments() {
    }

    public static Map<String, String> parse(String... args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return a;
    }
}
