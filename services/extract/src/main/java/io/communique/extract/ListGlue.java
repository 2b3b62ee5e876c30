package io.communique.extract;

import java.util.regex.Pattern;

/**
 * What joins two adjacent items of a list of countries, leaders or places: "A、B和C", "A、B及C", "A, B and the C". The
 * rules that walk such a list (subjects listed together, destinations listed after a visit verb, organisations
 * listed with signatories, countries talked about) ask here, so that the list reads the same everywhere; the two
 * variants below differ from the plain list only where the list means something else.
 *
 * <p>Not here, on purpose: {@link Parties}' one-character test of a place listed after a place (run for every
 * mention, so no regular expression) and its capitals joined to a party by 同/"&" too ("北京同莫斯科": any pairing, not
 * a list); a counted list's separators and a title list's joiners in the rules, which split or join other things
 * than mentions ("as well as" between document titles).
 */
final class ListGlue {
    /** The conjunctions of a plain list, Chinese and English. */
    private static final String AND = "、|,|和|及|以及|,?\\s*and";
    private static final Pattern ITEMS = glue(AND);
    /** 与 joins co-signatories ("由俄罗斯与联合国签署"); elsewhere it marks the other party ("A与B会谈", "访问俄罗斯与普京会晤"). */
    private static final Pattern SIGNATORIES = glue(AND + "|与");
    /** Countries talked about may be alternatives ("on Syria or Ukraine"); actors listed with "or" do not act together. */
    private static final Pattern ALTERNATIVES = glue(AND + "|,?\\s*or");

    private ListGlue() {
    }

    private static Pattern glue(String conjunctions) {
        return Pattern.compile("(?i)\\s*(?:" + conjunctions + ")\\s*(?:the\\s+)?");
    }

    /** Whether the text between two mentions lists them together: "、", ", ", " and ", ", and the ". */
    static boolean joins(String between) {
        return ITEMS.matcher(between).matches();
    }

    /** The same for signatories, 与 included. */
    static boolean joinsSignatories(String between) {
        return SIGNATORIES.matcher(between).matches();
    }

    /** The same for topics, "or" included. */
    static boolean joinsAlternatives(String between) {
        return ALTERNATIVES.matcher(between).matches();
    }
}
