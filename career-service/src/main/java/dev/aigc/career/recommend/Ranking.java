package dev.aigc.career.recommend;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.aigc.career.assessment.Scores;
import dev.aigc.career.catalogue.Catalogue;

/**
 * Roles ordered by total fit, best first. Totals are compared at six decimals so that floating-point noise cannot
 * reorder equal fits; equal totals are ordered by role id.
 */
public record Ranking(List<RoleFit> fits) {

    static final Comparator<RoleFit> ORDER = Comparator.comparingLong((RoleFit fit) -> -fixed(fit.total()))
            .thenComparing(fit -> fit.role().id());

    public static Ranking of(Catalogue catalogue, Scores scores, BackgroundProfile background) {
        List<RoleFit> fits = catalogue.roles().stream()
                .map(role -> FitCalculator.fit(catalogue.fitModel(), role, scores, background))
                .sorted(ORDER)
                .toList();
        return new Ranking(fits);
    }

    public RoleFit leader() {
        return fits.get(0);
    }

    public Optional<RoleFit> runnerUp() {
        return fits.size() > 1 ? Optional.of(fits.get(1)) : Optional.empty();
    }

    public RoleFit fitOf(String roleId) {
        return fits.stream().filter(f -> f.role().id().equals(roleId)).findFirst().orElseThrow();
    }

    /** Whether {@code first} ranks above {@code second} under the ranking order. */
    static boolean ranksAbove(RoleFit first, RoleFit second) {
        return ORDER.compare(first, second) < 0;
    }

    static long fixed(double value) {
        return Math.round(value * 1_000_000);
    }
}
