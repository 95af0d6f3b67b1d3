package dev.aigc.career.text;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.aigc.serving.web.ApiException;

/**
 * Chooses the response language: the {@code lang} parameter when given, otherwise the first supported range of
 * {@code Accept-Language} in preference order, otherwise the configured default. Names that support neither
 * language are rejected rather than silently answered in another language.
 */
public final class Languages {

    public static final String HEADER = "Accept-Language";
    public static final String PARAM = "lang";

    private Languages() {
    }

    public static Lang resolve(String lang, String acceptLanguage, Lang fallback) {
        if (lang != null && !lang.isBlank()) {
            return Lang.fromTag(lang).orElseThrow(() -> ApiException.badRequest(unsupportedParam(lang)));
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            return fromHeader(acceptLanguage, fallback)
                    .orElseThrow(() -> ApiException.badRequest(unsupportedHeader(acceptLanguage)));
        }
        return fallback;
    }

    /** Empty when the header is malformed or accepts none of the supported languages. */
    static Optional<Lang> fromHeader(String header, Lang fallback) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            if (range.getRange().equals("*")) {
                return Optional.of(fallback);
            }
            Optional<Lang> lang = Lang.fromTag(range.getRange());
            if (lang.isPresent()) {
                return lang;
            }
        }
        return Optional.empty();
    }

    public static boolean isSupportedParam(String lang) {
        return lang == null || lang.isBlank() || Lang.fromTag(lang).isPresent();
    }

    public static boolean isSupportedHeader(String header) {
        return header == null || header.isBlank() || fromHeader(header, Lang.ZH).isPresent();
    }

    public static String unsupportedParam(String lang) {
        return "unsupported language '" + lang + "' in parameter 'lang'; supported: " + String.join(", ", Lang.codes());
    }

    public static String unsupportedHeader(String header) {
        return "Accept-Language '" + header + "' names no supported language; supported: "
                + String.join(", ", Lang.codes()) + " (or pass the 'lang' parameter)";
    }
}
