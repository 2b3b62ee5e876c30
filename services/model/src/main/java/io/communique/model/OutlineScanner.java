package io.communique.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a {@link FactOutline} straight from a fact's UTF-8 JSON bytes: the few top-level fields folding needs are
 * decoded, every other value is stepped over by its brackets and quotes. A general parser spends most of its time on
 * the tokens of fields it would skip anyway (evidence, provenance, numbers); this does one pass over the bytes.
 *
 * <p>It stops as soon as it has read every field it reads: {@link Fact} writes them first, so the evidence,
 * provenance and the rest of a record are not even stepped over. A record written in another order is scanned to
 * its end, no slower than before.
 *
 * <p>What it reads it checks (an object, strings, arrays of strings, types; no trailing content when it scans to the
 * end); what it skips or never reaches it does not check beyond balanced brackets and closed strings — a value's own
 * syntax is checked when the whole fact is read ({@link FactReader#read}), and the projection's inputs were read
 * whole by the router before. One scanner per call: not thread-safe.
 */
final class OutlineScanner {
    /** The fields an outline reads. */
    private static final List<String> READ = List.of("id", "type", "participants", "initiator", "date", "topics", "eventId");
    private static final int ID = 0, TYPE = 1, PARTICIPANTS = 2, INITIATOR = 3, DATE = 4, TOPICS = 5, EVENT_ID = 6;
    private static final List<byte[]> READ_BYTES = READ.stream().map(name -> name.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final List<byte[]> QUOTED_READ_BYTES = READ.stream()
            .map(name -> ('"' + name + '"').getBytes(StandardCharsets.US_ASCII)).toList();
    /** One bit per field of {@link #READ}: all set once each of them has been read. */
    private static final int ALL_READ = (1 << READ.size()) - 1;
    /** Eight bytes of the input as one long, the first byte lowest: skipped strings are searched a word at a time. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROL_LIMIT = ONES * 0x60;
    /**
     * Values read that recur across facts (codes, dates, types, topics) are at most this long; ids are longer. They
     * are taken from {@link #RECENT} instead of being allocated for every record.
     */
    private static final int RECENT_MAX_LENGTH = 24;
    /**
     * The short values read lately, by a hash of their bytes; a new value takes the slot of the one it collides with.
     * Shared by all threads without locks: a String is immutable, so a thread sees a slot's old value or its new one.
     */
    private static final String[] RECENT = new String[4096];

    private final byte[] json;
    private int at;

    private OutlineScanner(byte[] json) {
        this.json = json;
    }

    static FactOutline scan(byte[] json) {
        return new OutlineScanner(json).outline();
    }

    private FactOutline outline() {
        String id = null, initiator = null, date = null, eventId = null, type = null;
        List<String> participants = null, topics = List.of();
        int read = 0;
        expect('{');
        if (peek() == '}') {
            at++;
        } else {
            do {
                int index = field(Integer.numberOfTrailingZeros(~read));
                expect(':');
                if (index < 0) {
                    skipValue();
                    continue;
                }
                String field = READ.get(index);
                switch (index) { // by index, not by name: a switch on strings hashes and compares them
                    case ID -> id = stringOrNull(field);
                    case TYPE -> type = stringOrNull(field);
                    case PARTICIPANTS -> participants = strings(field);
                    case INITIATOR -> initiator = stringOrNull(field);
                    case DATE -> date = stringOrNull(field);
                    case TOPICS -> topics = strings(field);
                    case EVENT_ID -> eventId = stringOrNull(field);
                    default -> throw new IllegalStateException("a field the outline does not read: " + field);
                }
                read |= 1 << index;
            } while (read != ALL_READ && next(',', '}') == ',');
        }
        if (read != ALL_READ && peek() != -1) {
            throw invalid("trailing content after the object");
        }
        if (id == null || type == null || participants == null) {
            throw invalid("it needs an id, a type and participants");
        }
        return new FactOutline(id, factType(type), participants, initiator, date, topics == null ? List.of() : topics,
                eventId);
    }

    /**
     * As {@link #field()}, trying first the name of field {@code expected} of {@link #READ}, the first one not read
     * yet: {@link Fact} writes them in that order, so most names are matched by one comparison.
     */
    private int field(int expected) {
        if (expected < READ.size()) {
            byte[] quoted = QUOTED_READ_BYTES.get(expected);
            peek();
            if (at + quoted.length <= json.length && Arrays.equals(json, at, at + quoted.length, quoted, 0, quoted.length)) {
                at += quoted.length;
                return expected;
            }
        }
        return field();
    }

    /**
     * The index in {@link #READ} of the field at the current position, or -1 if the outline does not read it:
     * compared byte by byte with the names read, so that the names of the fields skipped are never turned into strings.
     */
    private int field() {
        if (peek() != '"') {
            throw invalid("expected '\"'");
        }
        int start = at + 1;
        int end = start;
        while (byteAt(end) != '"' && json[end] != '\\') {
            end++;
        }
        if (json[end] == '\\') { // an escaped name: decode it the general way
            return READ.indexOf(string());
        }
        at = end + 1;
        for (int i = 0; i < READ.size(); i++) {
            byte[] name = READ_BYTES.get(i);
            if (end - start == name.length && Arrays.equals(json, start, end, name, 0, name.length)) {
                return i;
            }
        }
        return -1;
    }

    private static FactType factType(String name) {
        try {
            return FactType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw invalid("type '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name) + "' is not a fact type");
        }
    }

    private String stringOrNull(String field) {
        if (peek() == 'n') {
            literal("null");
            return null;
        }
        if (peek() != '"') {
            throw invalid(field + " must be a string");
        }
        return string();
    }

    private List<String> strings(String field) {
        if (peek() == 'n') {
            literal("null");
            return null;
        }
        if (peek() != '[') {
            throw invalid(field + " must be an array of strings");
        }
        at++;
        List<String> values = new ArrayList<>(4);
        if (peek() == ']') {
            at++;
            return values;
        }
        do {
            if (peek() != '"') {
                throw invalid(field + " must be an array of strings");
            }
            values.add(string());
        } while (next(',', ']') == ',');
        return values;
    }

    /** A string at the current position: plain ASCII without escapes is copied as is, anything else decoded. */
    private String string() {
        expect('"');
        int start = at;
        int end = quoteOrBackslash(start);
        if (json[end] == '"' && plainAscii(start, end)) { // the usual case, found a word at a time
            at = end + 1;
            return end - start <= RECENT_MAX_LENGTH ? recent(start, end)
                    : new String(json, start, end - start, StandardCharsets.ISO_8859_1);
        }
        // An escape, a non-ASCII or a control character: find the closing quote, then decode what is between.
        at = start - 1;
        skipString();
        return decode(start, at - 1);
    }

    /** Whether these bytes are printable ASCII (no control characters), tested eight at a time. */
    private boolean plainAscii(int start, int end) {
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) WORDS.get(json, i);
            // A byte below 0x80 is at least 0x20 exactly when adding 0x60 sets its high bit (and carries no further).
            if ((word & HIGH_BITS) != 0 || ((word + CONTROL_LIMIT) & HIGH_BITS) != HIGH_BITS) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (json[i] < 0x20) { // bytes of 0x80 and above are negative
                return false;
            }
        }
        return true;
    }

    /** The plain ASCII value of these bytes, from {@link #RECENT} if it was read lately. */
    private String recent(int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + json[i];
        }
        int slot = (hash ^ hash >>> 16) & (RECENT.length - 1);
        String known = RECENT[slot];
        if (known != null && known.length() == end - start) {
            int i = start;
            while (i < end && known.charAt(i - start) == json[i]) {
                i++;
            }
            if (i == end) {
                return known;
            }
        }
        String value = new String(json, start, end - start, StandardCharsets.ISO_8859_1);
        RECENT[slot] = value;
        return value;
    }

    /** Decodes a string with escapes or non-ASCII characters exactly as JSON defines them. */
    private String decode(int start, int end) {
        StringBuilder value = new StringBuilder(end - start);
        int from = start;
        for (int i = start; i < end; i++) {
            if (json[i] == '\\') {
                value.append(new String(json, from, i - from, StandardCharsets.UTF_8));
                char escape = (char) json[++i];
                switch (escape) {
                    case '"', '\\', '/' -> value.append(escape);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (i + 4 >= end) {
                            throw invalid("a truncated \\u escape");
                        }
                        try {
                            value.append((char) Integer.parseInt(new String(json, i + 1, 4, StandardCharsets.US_ASCII), 16));
                        } catch (NumberFormatException e) {
                            throw invalid("a malformed \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw invalid("an unknown escape \\" + escape);
                }
                from = i + 1;
            } else if (json[i] >= 0 && json[i] < 0x20) {
                throw invalid("a control character inside a string");
            }
        }
        return value.append(new String(json, from, end - from, StandardCharsets.UTF_8)).toString();
    }

    /** Steps over any value: strings by their quotes, objects and arrays by their brackets, anything else by its end. */
    private void skipValue() {
        int b = peek();
        if (b == '"') {
            skipString();
        } else if (b == '{' || b == '[') {
            int depth = 0;
            do {
                int c = byteAt(at);
                if (c == '"') {
                    skipString();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
                at++;
            } while (depth > 0);
        } else {
            int start = at;
            while (at < json.length && json[at] != ',' && json[at] != '}' && json[at] != ']' && !whitespace(json[at])) {
                at++;
            }
            if (at == start) {
                throw invalid("a value is missing");
            }
        }
    }

    private void skipString() {
        at++;
        while (true) {
            at = quoteOrBackslash(at);
            if (json[at] == '"') {
                at++;
                return;
            }
            at += 2; // the escaped character, whatever it is, does not end the string
        }
    }

    /**
     * The index of the first '"' or '\\' from {@code from} on, eight bytes at a time: most of a fact's bytes are in
     * strings the outline skips (evidence, provenance). A UTF-8 byte of a non-ASCII character is never either.
     */
    private int quoteOrBackslash(int from) {
        int i = from;
        for (; i + Long.BYTES <= json.length; i += Long.BYTES) {
            long word = (long) WORDS.get(json, i);
            long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
            if (found != 0) {
                return i + Long.numberOfTrailingZeros(found) / Byte.SIZE;
            }
        }
        while (byteAt(i) != '"' && json[i] != '\\') {
            i++;
        }
        return i;
    }

    /**
     * A word with the high bit set in the lowest of its zero bytes (and maybe in higher ones, which are not used):
     * the classic "has zero byte" test.
     */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGH_BITS;
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (byteAt(at + i) != word.charAt(i)) {
                throw invalid("unexpected content where " + word + " or a value was expected");
            }
        }
        at += word.length();
    }

    /** Skips whitespace, then takes one of two expected characters and returns it. */
    private int next(char either, char or) {
        int b = peek();
        if (b != either && b != or) {
            throw invalid("expected '" + either + "' or '" + or + "'");
        }
        at++;
        return b;
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw invalid("expected '" + expected + "'");
        }
        at++;
    }

    /** Skips whitespace and returns the next byte without taking it, or -1 at the end. */
    private int peek() {
        while (at < json.length && whitespace(json[at])) {
            at++;
        }
        return at < json.length ? json[at] : -1;
    }

    private int byteAt(int index) {
        if (index >= json.length) {
            throw invalid("the input ends inside a value");
        }
        return json[index];
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("not a valid Fact: " + why);
    }
}
