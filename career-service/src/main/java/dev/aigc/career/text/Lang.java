package dev.aigc.career.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages every text of the service exists in. */
public enum Lang {
    ZH("zh"),
    EN("en");

    private final String code;

    Lang(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Supported codes, for messages and documentation. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Lang::code).toList();
    }

    /**
     * The language named by a BCP 47 tag, matched on its primary subtag: {@code zh}, {@code zh-CN} and
     * {@code zh-Hans-CN} are all Chinese.
     */
    public static Optional<Lang> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(lang -> lang.code.equals(primary)).findFirst();
    }
}
