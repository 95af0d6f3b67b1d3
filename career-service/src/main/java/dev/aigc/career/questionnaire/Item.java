package dev.aigc.career.questionnaire;

import dev.aigc.career.text.Text;

/** A Likert statement; agreeing with a reverse-keyed one counts against its dimension. */
public record Item(String id, int order, String dimension, boolean reverse, Text text) {
}
