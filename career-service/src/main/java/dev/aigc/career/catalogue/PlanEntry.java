package dev.aigc.career.catalogue;

import java.util.List;

import dev.aigc.career.text.Text;

/** One strategy made specific to a role, with the sources it names (books, conferences, standards). */
public record PlanEntry(Text text, String source, List<String> references) {
}
