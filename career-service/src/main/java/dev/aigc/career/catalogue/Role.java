package dev.aigc.career.catalogue;

import java.util.List;
import java.util.Map;

import dev.aigc.career.questionnaire.Band;
import dev.aigc.career.text.Text;

/**
 * One role profile as the catalogue file holds it. {@code salary} is null where the source gives no figure, and
 * {@code salaryNote} then says so. {@code plan} maps each strategy id to the role-specific action.
 */
public record Role(String id, Text title, SourcedText summary, RoleBand toleranceBand, SourcedText errorConsequence,
        Profile profile, List<RoleSkill> skills, List<RoleInterest> interests, Salary salary, SourcedText salaryNote,
        List<PathStep> path, Map<String, PlanEntry> plan, List<RelatedOccupation> relatedOccupations) {

    /** The tolerance band the article assigns to the role, and its reasoning. */
    public record RoleBand(Band band, Text rationale, String source) {
    }

    /** The role's demands on each dimension, 0–100 (its error-consequence profile). */
    public record Profile(Map<String, Double> targets, String source) {

        public double target(String dimension) {
            Double target = targets.get(dimension);
            if (target == null) {
                throw new IllegalArgumentException("no target for " + dimension);
            }
            return target;
        }
    }

    public record RoleSkill(String skill, String source) {
    }

    public record RoleInterest(String interest, String source) {
    }

    /** An O*NET occupation to read further; its ratings were not used for the profile. */
    public record RelatedOccupation(String code, String title, String url, String source) {
    }

    public List<String> skillIds() {
        return skills.stream().map(RoleSkill::skill).toList();
    }

    public List<String> interestIds() {
        return interests.stream().map(RoleInterest::interest).toList();
    }
}
