package dev.aigc.career.text;

/** Helpers for Bean Validation message templates. */
public final class Templates {

    private Templates() {
    }

    /** Message templates interpret braces and dollar signs; text that quotes user input must not be. */
    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
