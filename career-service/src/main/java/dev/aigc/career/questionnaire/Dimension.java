package dev.aigc.career.questionnaire;

import java.util.List;

import dev.aigc.career.text.Text;

/** One measured trait, with the instruments it is grounded in and what each band means. */
public record Dimension(String id, Text name, Text definition, List<String> grounding, BandTexts interpretations) {
}
