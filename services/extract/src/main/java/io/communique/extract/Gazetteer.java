package io.communique.extract;

import io.communique.extract.Mention.Kind;
import io.communique.model.contracts.Labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds countries, capitals, cities, organisations and people in converted text by longest match against the curated
 * lexicons, plus the one-character short forms of compounds ("中俄", "中日韩外长", "中方", "访华").
 */
final class Gazetteer {
    private record Entry(String name, String code, Kind kind, List<PersonLexicon.Term> terms) {
    }

    /** Chinese titles that, without a country before them, mean a Chinese office holder. */
    private static final List<String> CHINESE_TITLES = List.of(
            "国家主席", "国家副主席", "国务院总理", "国务院副总理", "国务委员", "外交部长", "中共中央总书记");

    /** The code of geographic names that only hide a country name inside them ("朝鲜半岛"). */
    private static final String NOT_A_COUNTRY = "-";

    private final Map<Character, List<Entry>> byFirstChar = new HashMap<>();
    private final Map<String, String> zhNames = new LinkedHashMap<>();
    private final Map<String, String> enNames = new LinkedHashMap<>();
    private final Pattern compound;
    private final Pattern side;
    private final Pattern china;
    private final Pattern visited;
    private final Map<Character, String> abbreviations = new HashMap<>();
    private final ScriptConverter converter;

    Gazetteer(ScriptConverter converter, PersonLexicon persons) {
        this.converter = converter;
        for (String code : Locale.getISOCountries()) {
            Locale region = new Locale("", code);
            zhNames.put(code, region.getDisplayCountry(Locale.SIMPLIFIED_CHINESE));
            enNames.put(code, region.getDisplayCountry(Locale.ENGLISH));
            for (Locale language : List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE, new Locale("zh", "HK"), Locale.ENGLISH)) {
                add(region.getDisplayCountry(language), code, Kind.COUNTRY, null);
            }
        }
        for (String[] row : Resources.rows("country-aliases.tsv")) {
            addAll(row[1], row[0], Kind.COUNTRY);
            addAll(row[2], row[0], Kind.ADJECTIVE);
        }
        for (String[] row : Resources.rows("capitals.tsv")) {
            addAll(row[1], row[0], Kind.CAPITAL);
            if (row.length > 2) {
                addAll(row[2], row[0], Kind.CITY);
            }
        }
        for (String[] row : Resources.rows(Labels.ORGANISATIONS)) {
            zhNames.put(row[0], row[1]);
            enNames.put(row[0], row[2]);
            addAll(row[3], row[0], Kind.ORGANISATION);
        }
        persons.names().forEach((name, terms) -> add(name, terms.get(0).code(), Kind.PERSON, terms));
        CHINESE_TITLES.forEach(title -> add(title, "CN", Kind.TITLE, null));
        byFirstChar.values().forEach(list -> list.sort(Comparator.comparingInt((Entry e) -> e.name().length()).reversed()));

        StringBuilder chars = new StringBuilder();
        for (String[] row : Resources.rows("abbreviations.tsv")) {
            abbreviations.put(row[0].charAt(0), row[1]);
            if (!row[0].equals("华")) {
                chars.append(row[0]);
            }
        }
        // the lookbehind keeps words ending in a short-form character out: 参加中俄…, 创新中…, 其中美…
        compound = Pattern.compile("(?<=《)[" + chars + "]{2,3}|(?<![参增施追附更创重最其空集高初当注愿满诚善依立合说办])[" + chars + "]{2,3}(?=关于|双方|两国|三国|关系|元首|首脑|领导人|领袖|外长|峰会|会晤|会谈|总理|外交|联合|邦交|战略|互信|双边|三方)");
        side = Pattern.compile("[中俄美日韩朝印德法英意越泰菲澳伊埃蒙哈葡沙新巴柬缅欧]方(?![面式法便向针案])");
        china = Pattern.compile("(?<=[访来赴对在离抵驻])华(?![人侨裔为丽盛])");
        visited = Pattern.compile("(?<=访)[俄美日韩朝印德法英越泰菲澳土伊埃蒙哈葡沙新巴柬缅]");
    }

    private void addAll(String names, String code, Kind kind) {
        for (String name : names.split("\\|")) {
            if (!name.isBlank()) {
                add(name, code, kind, null);
            }
        }
    }

    /** Adds a name in converted script: the text it is matched against is converted too. */
    private void add(String written, String code, Kind kind, List<PersonLexicon.Term> terms) {
        String name = converter.convert(written);
        List<Entry> list = byFirstChar.computeIfAbsent(name.charAt(0), c -> new ArrayList<>());
        if (list.stream().noneMatch(e -> e.name().equals(name))) {
            list.add(new Entry(name, code, kind, terms));
        }
    }

    /** Display name of a country or organisation code in "zh" or "en"; null when unknown. */
    String displayName(String code, String lang) {
        return ("zh".equals(lang) ? zhNames : enNames).get(code);
    }

    /**
     * Every mention in text[from, to), ordered by position, without overlaps.
     *
     * @param month the report's "YYYY-MM" for resolving people to the office they held, or null
     */
    List<Mention> find(String text, int from, int to, String month) {
        List<Mention> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            Mention mention = longestAt(text, i, to, month);
            if (mention != null && mention.kind() == Mention.Kind.PERSON && insideLongerName(text, from, mention, found)) {
                mention = null; // "舒克里" is not "克里": a transliteration inside a longer one
            }
            if (mention == null) {
                i++;
            } else {
                found.add(mention);
                i = mention.end();
            }
        }
        addShortForms(found, text, from, to);
        found.removeIf(m -> m.code().equals(NOT_A_COUNTRY));
        found.sort(Comparator.comparingInt(Mention::start));
        return dropTitlesAfterCountries(found);
    }

    /** "15 billion U.S. dollars", "Singapore dollars": a country naming a currency is no party. */
    private static final Pattern CURRENCY_AFTER = Pattern.compile("\\s+dollars?\\b");

    /**
     * The longest lexicon name at i; a Latin name is a whole Latin word ("APEC领导人"), and "US$", "S$", "U.S. dollars"
     * are currencies.
     */
    private Mention longestAt(String text, int i, int to, String month) {
        List<Entry> candidates = byFirstChar.get(text.charAt(i));
        if (candidates == null || (isLatin(text.charAt(i)) && i > 0 && isLatinOrDigit(text.charAt(i - 1)))) {
            return null;
        }
        for (Entry entry : candidates) {
            int end = i + entry.name().length();
            if (end <= to && text.startsWith(entry.name(), i)
                    && (!isLatin(text.charAt(i)) || end == text.length() || !isLatinOrDigit(text.charAt(end)) && text.charAt(end) != '$'
                        && !CURRENCY_AFTER.matcher(text).region(end, Math.min(text.length(), end + 12)).lookingAt())) {
                if (entry.kind() == Kind.PERSON) {
                    PersonLexicon.Term term = PersonLexicon.resolve(entry.terms(), month);
                    return new Mention(term.code(), i, end, Kind.PERSON, entry.name(), term.canonicalName());
                }
                return new Mention(entry.code(), i, end, entry.kind(), entry.name(), null);
            }
        }
        return null;
    }

    private static boolean isLatin(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    /** A Latin name ends at anything but a Latin letter or digit: "APEC领导人" names APEC. */
    private static boolean isLatinOrDigit(char c) {
        return isLatin(c) || Character.isDigit(c);
    }

    private void addShortForms(List<Mention> found, String text, int from, int to) {
        for (Pattern pattern : List.of(compound, side, china, visited)) {
            Matcher m = pattern.matcher(text).region(from, to);
            while (m.find()) {
                int end = pattern == side ? m.end() - 1 : m.end();
                if (overlapsAny(found, m.start(), end)) {
                    continue; // "《西日本新闻》": a compound cut out of a longer name ("日本") is no compound
                }
                for (int p = m.start(); p < end; p++) {
                    addIfFree(found, new Mention(abbreviations.get(text.charAt(p)), p, p + 1, Kind.COUNTRY, text.substring(p, p + 1), null));
                }
            }
        }
    }

    private static boolean overlapsAny(List<Mention> found, int start, int end) {
        return found.stream().anyMatch(m -> m.start() < end && start < m.end());
    }

    private static void addIfFree(List<Mention> found, Mention candidate) {
        for (Mention m : found) {
            if (m.start() < candidate.end() && candidate.start() < m.end()) {
                return;
            }
        }
        found.add(candidate);
    }

    /** Characters a Chinese name may follow: punctuation aside, verbs and particles, and the last characters of titles. */
    private static final String NAME_MAY_FOLLOW = "同与和及跟见晤谈了是在由对向为的、给请邀称说让并即任长统理相席王帝后使官员卿记督主君首书军人生";

    /** Whether a Han person name at the mention continues a longer name: a Han character before it that ends no word. */
    private static boolean insideLongerName(String text, int from, Mention person, List<Mention> found) {
        int before = person.start() - 1;
        if (before < from || Character.UnicodeScript.of(text.charAt(person.start())) != Character.UnicodeScript.HAN) {
            return false;
        }
        char c = text.charAt(before);
        boolean afterMention = !found.isEmpty() && found.get(found.size() - 1).end() == person.start();
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && NAME_MAY_FOLLOW.indexOf(c) < 0 && !afterMention;
    }

    /** "中国外交部长王毅" names China once: a title right after a country mention adds nothing. */
    private static List<Mention> dropTitlesAfterCountries(List<Mention> sorted) {
        List<Mention> kept = new ArrayList<>(sorted.size());
        for (Mention m : sorted) {
            Mention previous = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (m.kind() == Kind.TITLE && previous != null && m.start() - previous.end() <= 1) {
                continue;
            }
            kept.add(m);
        }
        return kept;
    }
}
