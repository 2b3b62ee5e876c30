package io.communique.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Scores the extractor against gold annotations the way ../shared/tools/score-facts does: an event matches a
 * prediction of the same document with the same type and participant set, each gold event (in file order) takes the
 * first unused prediction of its document, micro precision/recall/F1; date agreement = among matched events whose gold
 * has a date, the share whose predicted date equals it. Shared by the dev-corpus and the seed evaluations.
 */
final class GoldScoring {
    private GoldScoring() {
    }

    /** An event reduced to what the scorer compares (its match key and its date), with its sentence for reports. */
    record Scored(String doc, String key, String date, String evidence) {
        @Override
        public String toString() {
            return key + " " + (date == null ? "(no date)" : date) + " \u00ab" + evidence + "\u00bb";
        }
    }

    /** The figures of one run, and the events behind the misses and the false alarms. */
    record Result(int gold, int predicted, int hits, int dated, int datesAgree, List<Scored> missed, List<Scored> extra) {
        double precision() {
            return predicted == 0 ? 0 : (double) hits / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) hits / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        double dateAgreement() {
            return dated == 0 ? 1 : (double) datesAgree / dated;
        }

        String summary(String name, int documents) {
            return String.format(java.util.Locale.ROOT,
                    "%s: %d documents, gold %d, predicted %d, hits %d, P %.3f R %.3f F1 %.3f, date agrees on %d/%d (%.3f)",
                    name, documents, gold, predicted, hits, precision(), recall(), f1(), datesAgree, dated, dateAgreement());
        }
    }

    /** The events of a gold file ({"doc","type","participants","date",...} per line), in file order. */
    static List<Scored> readGold(Path file) throws IOException {
        List<Scored> gold = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode event = Json.MAPPER.readTree(line);
            List<String> participants = new ArrayList<>();
            event.get("participants").forEach(p -> participants.add(p.asText()));
            String date = event.hasNonNull("date") && !event.get("date").asText().isEmpty() ? event.get("date").asText() : null;
            String doc = event.get("doc").asText();
            gold.add(new Scored(doc, key(doc, event.get("type").asText(), participants), date,
                    event.hasNonNull("evidence") ? event.get("evidence").asText() : ""));
        }
        return gold;
    }

    /**
     * The facts of every {@code NNN.txt} report in a folder, read with its sidecar as the extract command reads it
     * (so the published date of {@code NNN.meta.json} dates them), by document id in file-name order.
     */
    static Map<String, List<Fact>> extractFolder(Path folder) throws IOException {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String doc = file.getFileName().toString().replace(".txt", "");
                Document document = ExtractCommand.read(file, file.toString());
                facts.put(doc, Facts.EXTRACTOR.extract(document));
            }
        }
        return facts;
    }

    /** Predictions in the scorer's order: documents as given, facts in extraction order. */
    static List<Scored> predictions(Map<String, List<Fact>> facts) {
        List<Scored> predicted = new ArrayList<>();
        facts.forEach((doc, list) -> list.forEach(fact -> predicted.add(new Scored(doc,
                key(doc, fact.type().name(), fact.participants()), fact.date(), fact.evidence().text()))));
        return predicted;
    }

    static Result score(List<Scored> gold, List<Scored> predictions) {
        List<Scored> unmatched = new ArrayList<>(predictions);
        List<Scored> missed = new ArrayList<>();
        int hits = 0;
        int dated = 0;
        int datesAgree = 0;
        for (Scored event : gold) {
            Scored hit = unmatched.stream().filter(p -> p.key().equals(event.key())).findFirst().orElse(null);
            if (hit == null) {
                missed.add(event);
                continue;
            }
            unmatched.remove(hit);
            hits++;
            if (event.date() != null) {
                dated++;
                datesAgree += event.date().equals(hit.date()) ? 1 : 0;
            }
        }
        return new Result(gold.size(), predictions.size(), hits, dated, datesAgree, missed, unmatched);
    }

    static String key(String doc, String type, List<String> participants) {
        return doc + "|" + type + "|" + new TreeSet<>(participants);
    }
}
