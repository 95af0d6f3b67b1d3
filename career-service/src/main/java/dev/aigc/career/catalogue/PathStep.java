package dev.aigc.career.catalogue;

import dev.aigc.career.text.Text;

/**
 * One step of a development path. {@code standardLevel} is the level (初级, 中级 or 高级) of the 2021 national
 * occupational standard for AI engineering technicians this step corresponds to, or null when the step lies
 * outside the standard's levels; {@code levelSource} is where that correspondence comes from.
 */
public record PathStep(String id, Text title, String standardLevel, Text description, String source,
        String levelSource) {
}
