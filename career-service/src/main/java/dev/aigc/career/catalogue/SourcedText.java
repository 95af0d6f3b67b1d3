package dev.aigc.career.catalogue;

import dev.aigc.career.text.Text;

/** A text fact and the key of its source. */
public record SourcedText(Text text, String source) {
}
