package io.communique.model.contracts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The display names of country and organisation codes and of the topic taxonomy, in zh and en. The extractor reads the
 * same curated files ({@link #ORGANISATIONS}, {@link #TOPICS}) for its cues, so labels and extraction never disagree;
 * the web UI shows these labels without carrying the extractor.
 */
public final class Labels {
    /** Organisations and summit formats: CODE, zh label, en label, cues|… (the cues are the extractor's). */
    public static final String ORGANISATIONS = "/io/communique/model/contracts/organisations.tsv";
    /** The topic taxonomy: ID, zh label, en label, cues|… (the cues are the extractor's). */
    public static final String TOPICS = "/io/communique/model/contracts/topics.tsv";

    /** A topic of the taxonomy with its labels. */
    public record TopicLabel(String id, String zh, String en) {
    }

    private static final class Holder {
        static final Labels INSTANCE = new Labels();
    }

    private final Map<String, String> zhNames = new LinkedHashMap<>();
    private final Map<String, String> enNames = new LinkedHashMap<>();
    private final List<TopicLabel> topics = new ArrayList<>();

    private Labels() {
        for (String code : Locale.getISOCountries()) {
            Locale region = new Locale("", code);
            zhNames.put(code, region.getDisplayCountry(Locale.SIMPLIFIED_CHINESE));
            enNames.put(code, region.getDisplayCountry(Locale.ENGLISH));
        }
        for (String[] row : rows(ORGANISATIONS)) {
            zhNames.put(row[0], row[1]);
            enNames.put(row[0], row[2]);
        }
        for (String[] row : rows(TOPICS)) {
            topics.add(new TopicLabel(row[0], row[1], row[2]));
        }
    }

    public static Labels get() {
        return Holder.INSTANCE;
    }

    /** The name of a country (ISO 3166-1 alpha-2) or organisation code (G20, BRICS…) in "zh" or "en"; null when unknown. */
    public String countryName(String code, String lang) {
        if (code == null || lang == null) {
            return null;
        }
        String language = lang.toLowerCase(Locale.ROOT);
        return language.startsWith("zh") ? zhNames.get(code) : language.startsWith("en") ? enNames.get(code) : null;
    }

    /** The topic taxonomy, in a stable order. */
    public List<TopicLabel> topics() {
        return Collections.unmodifiableList(topics);
    }

    /** The non-comment, non-blank lines of a UTF-8, tab-separated resource, split on tabs (trailing empty columns kept). */
    private static List<String[]> rows(String name) {
        try (InputStream in = Labels.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing label resource " + name);
            }
            List<String[]> rows = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
