package io.communique.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits converted text into sentences: at Chinese and ASCII sentence ends and line breaks, at ". " before a capital
 * unless the period ends a title abbreviation, and, so that every later step stays linear, at most every
 * {@link #MAX_LENGTH} characters (preferably at a comma).
 */
final class SentenceSplitter {
    static final int MAX_LENGTH = 400;

    /** A sentence: [start, end) in the text, and the index of its paragraph (line). */
    record Sentence(int start, int end, int paragraph) {
    }

    private static final Set<String> ABBREVIATIONS = Set.of(
            "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Sen", "Rep", "Prof", "No", "U.S", "U.K",
            "p.m", "a.m", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Sheikh", "H.E", "Ltd", "Co", "Inc", "vs");

    List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        int paragraph = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\n';
            boolean end = lineEnd || c == '。' || c == '!' || c == '?' || c == ';' || c == '；'
                    || (c == '.' && isEnglishSentenceEnd(text, i))
                    || i - start >= MAX_LENGTH && (c == ',' || c == '，' || c == ' ' || i - start >= MAX_LENGTH + 100);
            if (end) {
                if (!lineEnd && i + 1 < text.length() && (text.charAt(i + 1) == '”' || text.charAt(i + 1) == '"')) {
                    i++; // a closing quote after the full stop belongs to this sentence
                }
                add(sentences, text, start, i + 1, paragraph);
                start = i + 1;
            }
            if (lineEnd) {
                paragraph++;
            }
        }
        add(sentences, text, start, text.length(), paragraph);
        return sentences;
    }

    private static boolean isEnglishSentenceEnd(String text, int dot) {
        if (dot + 1 < text.length() && !Character.isWhitespace(text.charAt(dot + 1)) && text.charAt(dot + 1) != '"'
                && text.charAt(dot + 1) != '”') {
            return false;
        }
        int wordStart = dot;
        while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot);
        return !ABBREVIATIONS.contains(word) && !(word.length() == 1 && Character.isUpperCase(word.charAt(0)));
    }

    private static void add(List<Sentence> sentences, String text, int start, int end, int paragraph) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            sentences.add(new Sentence(start, end, paragraph));
        }
    }
}
