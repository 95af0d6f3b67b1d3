package dev.aigc.career.catalogue;

import java.util.List;

import dev.aigc.career.text.Text;

/**
 * A skill roles may require. {@code aliases} are the words a person might use for it in their background; they
 * are matching aids, not facts. {@code learn} and {@code practice} feed the gap-specific part of a skill plan.
 */
public record Skill(String id, Text name, List<String> aliases, Text learn, Text practice) {
}
