package dev.aigc.career.catalogue;

/** One statement of the catalogue ({@code what} says where) and the key of the source it rests on. */
public record Fact(String what, String source) {
}
