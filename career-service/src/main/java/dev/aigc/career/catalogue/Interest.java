package dev.aigc.career.catalogue;

import dev.aigc.career.text.Text;

/** One entry of the fixed interest vocabulary a background may name. */
public record Interest(String id, Text name) {
}
