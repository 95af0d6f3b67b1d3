package dev.aigc.career.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises catalogue skills in the free-text skills of a background. A skill matches when one of its names or
 * aliases appears in the text: Chinese aliases anywhere, Latin aliases only as whole words ("sql" in "SQL and
 * Python", not "support" in "support vector machines").
 */
public final class SkillMatcher {

    private SkillMatcher() {
    }

    /** Ids of the catalogue skills found in {@code stated}, in catalogue order. */
    public static Set<String> recognise(Catalogue catalogue, List<String> stated) {
        Set<String> found = new LinkedHashSet<>();
        if (stated == null) {
            return found;
        }
        for (Skill skill : catalogue.skills()) {
            for (String text : stated) {
                if (text != null && mentions(normalise(text), skill)) {
                    found.add(skill.id());
                    break;
                }
            }
        }
        return found;
    }

    static boolean mentions(String text, Skill skill) {
        List<String> names = new ArrayList<>(skill.aliases());
        names.add(skill.id());
        names.add(skill.name().en());
        names.add(skill.name().zh());
        for (String name : names) {
            if (contains(text, normalise(name))) {
                return true;
            }
        }
        return false;
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").trim();
    }

    static boolean contains(String text, String alias) {
        if (alias.isEmpty()) {
            return false;
        }
        boolean latin = alias.codePoints().allMatch(c -> c < 0x2E80);
        int from = 0;
        while (true) {
            int at = text.indexOf(alias, from);
            if (at < 0) {
                return false;
            }
            if (!latin || (boundary(text, at - 1) && boundary(text, at + alias.length()))) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean boundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
