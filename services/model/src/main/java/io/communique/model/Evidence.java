package io.communique.model;

/** The sentence that states a fact, with its character offsets (UTF-16, end exclusive) in the original text. */
public record Evidence(String text, int start, int end) {
}
