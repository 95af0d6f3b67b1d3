package dev.aigc.career.recommend;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.aigc.career.assessment.Background;
import dev.aigc.career.assessment.Education;
import dev.aigc.career.catalogue.Catalogue;
import dev.aigc.career.catalogue.SkillMatcher;

/**
 * What fit matching needs from a background: the catalogue skills recognised in it and the interests named.
 * Skills (or interests) count as assessed only when the person stated some; otherwise their weight goes to the
 * other components instead of scoring the person zero.
 */
public record BackgroundProfile(boolean skillsAssessed, Set<String> skills, boolean interestsAssessed,
        Set<String> interests, Integer yearsOfExperience, Education education) {

    public static final BackgroundProfile NONE = new BackgroundProfile(false, Set.of(), false, Set.of(), null, null);

    public static BackgroundProfile of(Catalogue catalogue, Background background) {
        if (background == null) {
            return NONE;
        }
        List<String> stated = background.skillsOrEmpty();
        List<String> interests = background.interestsOrEmpty();
        return new BackgroundProfile(!stated.isEmpty(), SkillMatcher.recognise(catalogue, stated),
                !interests.isEmpty(), Set.copyOf(interests), background.yearsOfExperience(), background.education());
    }

    /** The same background with one more recognised skill: for "what would change it". */
    public BackgroundProfile withSkill(String skill) {
        Set<String> more = new LinkedHashSet<>(skills);
        more.add(skill);
        return new BackgroundProfile(true, more, interestsAssessed, interests, yearsOfExperience, education);
    }
}
