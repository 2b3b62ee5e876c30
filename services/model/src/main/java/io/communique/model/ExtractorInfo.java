package io.communique.model;

/** Which extractor, at which version, produced a fact: a new version may change the facts of the same text. */
public record ExtractorInfo(String name, String version) {
}
