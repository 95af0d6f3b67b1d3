package dev.aigc.career.text;

import java.util.Objects;

/** One piece of text in both supported languages, as held in the data files. */
public record Text(String zh, String en) {

    public Text {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    public boolean isBlank() {
        return zh.isBlank() || en.isBlank();
    }
}
