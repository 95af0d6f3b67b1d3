package dev.aigc.career.catalogue;

/**
 * Where catalogue facts come from. {@code kind} is article, standard, book, paper, taxonomy or editorial; an
 * editorial source marks the maintainers' own reasoned judgement, never measured data.
 */
public record Source(String kind, String citation, String url, String note) {
}
