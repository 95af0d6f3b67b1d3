package dev.aigc.career.questionnaire;

import dev.aigc.career.text.Text;

/** A reference the questionnaire is grounded in, and what it was used for. */
public record Citation(String id, String text, String url, Text usedFor) {
}
