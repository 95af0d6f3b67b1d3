package dev.aigc.career.catalogue;

import dev.aigc.career.text.Text;

/** One of the article's five skill-building strategies. */
public record Strategy(String id, Text name, String source) {
}
