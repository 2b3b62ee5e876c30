package io.communique.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores the extractor on the shared development corpus the way ../shared/tools/score-facts does (same type and
 * participant set, each gold event matched to the first unused prediction of its document, micro F1; date agreement
 * = among matched events whose gold has a date, the share whose predicted date equals it) and fails below the
 * ratchets. The corpus is read where it lies, never copied into the project; without it the test is skipped and says so.
 */
class DevCorpusEvaluationTest {
    private static final Path CORPUS = Path.of("../../../shared/corpus/dev");
    /** A ratchet: the F1 last reached on the whole corpus, rounded down; raise it with every gain, never lower it. */
    private static final double MIN_F1 = 0.90;
    /** A ratchet like {@link #MIN_F1}, for the share of matched events with a gold date whose date agrees. */
    private static final double MIN_DATE_AGREEMENT = 0.92;

    /** An event reduced to what the scorer compares: its match key and its date. */
    private record Scored(String key, String date) {
    }

    @Test
    void devCorpusF1AndDateAgreementHoldTheirRatchets() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CORPUS.resolve("gold.jsonl")), "skipped: no dev corpus at " + CORPUS.toAbsolutePath());
        List<Scored> gold = new ArrayList<>();
        Set<String> docs = new TreeSet<>();
        for (String line : Files.readAllLines(CORPUS.resolve("gold.jsonl"))) {
            JsonNode event = Json.MAPPER.readTree(line);
            List<String> participants = new ArrayList<>();
            event.get("participants").forEach(p -> participants.add(p.asText()));
            String date = event.hasNonNull("date") && !event.get("date").asText().isEmpty() ? event.get("date").asText() : null;
            gold.add(new Scored(key(event.get("doc").asText(), event.get("type").asText(), participants), date));
            docs.add(event.get("doc").asText());
        }
        List<Scored> unmatched = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS.resolve("docs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String doc = file.getFileName().toString().replace(".txt", "");
                docs.add(doc);
                Document document = ExtractCommand.read(file, file.toString());
                for (Fact fact : Facts.EXTRACTOR.extract(document)) {
                    unmatched.add(new Scored(key(doc, fact.type().name(), fact.participants()), fact.date()));
                }
            }
        }
        int predicted = unmatched.size();
        int hits = 0;
        int dated = 0;
        int datesAgree = 0;
        for (Scored event : gold) {
            Scored hit = unmatched.stream().filter(p -> p.key().equals(event.key())).findFirst().orElse(null);
            if (hit == null) {
                continue;
            }
            unmatched.remove(hit);
            hits++;
            if (event.date() != null) {
                dated++;
                datesAgree += event.date().equals(hit.date()) ? 1 : 0;
            }
        }
        double precision = (double) hits / predicted;
        double recall = (double) hits / gold.size();
        double f1 = 2 * precision * recall / (precision + recall);
        double dateAgreement = (double) datesAgree / dated;
        System.out.printf("dev corpus: %d documents, gold %d, predicted %d, hits %d, P %.3f R %.3f F1 %.3f, date agrees on %d/%d (%.3f)%n",
                docs.size(), gold.size(), predicted, hits, precision, recall, f1, datesAgree, dated, dateAgreement);

        assertThat(f1).as("F1").isGreaterThanOrEqualTo(MIN_F1);
        assertThat(dateAgreement).as("date agreement on matched events with a gold date").isGreaterThanOrEqualTo(MIN_DATE_AGREEMENT);
    }

    private static String key(String doc, String type, List<String> participants) {
        return doc + "|" + type + "|" + new TreeSet<>(new HashSet<>(participants));
    }
}
