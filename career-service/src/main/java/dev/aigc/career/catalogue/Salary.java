package dev.aigc.career.catalogue;

import dev.aigc.career.text.Text;

/**
 * A salary range as the source states it. {@code year} is null when the source gives none; {@code note} says
 * what the source leaves open.
 */
public record Salary(long min, long max, String currency, String period, Text region, Integer year, Text note,
        String source) {
}
