package dev.aigc.nlp.kb;

/** Tells Chinese from English text by the share of Han characters among letters. */
public final class Languages {

    public static final String ZH = "zh";
    public static final String EN = "en";

    private Languages() {
    }

    public static String detect(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long han = text.codePoints()
                .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        return letters > 0 && han * 5 >= letters ? ZH : EN;
    }

    public static boolean supported(String lang) {
        return ZH.equals(lang) || EN.equals(lang);
    }
}
