package io.communique.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactReaderTest {

    private static Fact randomFact(Random random, int ordinal) {
        FactType type = FactType.values()[random.nextInt(FactType.values().length)];
        List<String> participants = random.nextBoolean() ? List.of("CN", "RU") : List.of("DE", "G20", "US");
        String document = Ids.documentId("report " + ordinal);
        boolean linked = random.nextBoolean();
        return new Fact(Ids.factId(document, type, participants, "2019-04-25", ordinal), document,
                random.nextBoolean() ? "seeds/000.txt" : null, type, participants,
                random.nextBoolean() ? participants.get(0) : null, random.nextBoolean() ? List.of("习近平", "普京") : List.of(),
                random.nextBoolean() ? "2019-04-25" : "--04-25", random.nextBoolean() ? null : "2019-04-27",
                random.nextBoolean() ? "北京" : null, random.nextBoolean() ? "联合声明 \"引号\" \\ \n" : null,
                random.nextBoolean() ? List.of("trade", "energy") : List.of(), random.nextInt(101) / 100.0,
                new Evidence("2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。😀", random.nextInt(9), 40),
                new ExtractorInfo("communique-rules", "1.1." + ordinal),
                linked ? "event-" + ordinal : null, linked ? "part-" + ordinal : null,
                linked ? new EventCodes("040", "CONSULT", "meeting") : null,
                linked ? new Provenance("explicit", List.of("named leader"), Map.of("trade", "贸易")) : null);
    }

    @Test
    void readsEveryFactExactlyAsTheDataBindingDoes() {
        Random random = new Random(11);
        for (int i = 0; i < 500; i++) {
            Fact fact = randomFact(random, i);
            byte[] json = Json.bytes(fact);
            assertThat(FactReader.read(json)).isEqualTo(fact).isEqualTo(Json.read(json, Fact.class));
        }
    }

    @Test
    void ignoresUnknownFieldsAndReadsMissingOptionalOnesAsTheDataBindingDoes() {
        String json = "{\"id\":\"a\",\"type\":\"TALKS\",\"participants\":[\"CN\",\"EG\"],\"future\":{\"x\":[1,{\"y\":2}]},"
                + "\"confidence\":1,\"evidence\":{\"text\":\"t\",\"start\":0,\"end\":1,\"more\":true}}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(FactReader.read(bytes)).isEqualTo(Json.read(bytes, Fact.class));
        assertThat(FactReader.read(bytes).persons()).isEmpty();
    }

    @Test
    void malformedOrMistypedFactsAreRejectedWithTheReason() {
        for (String bad : List.of("not json", "[1]", "{\"id\":\"a\",\"type\":\"PARTY\",\"participants\":[]}",
                "{\"id\":\"a\",\"type\":\"VISIT\"}", "{\"id\":1,\"participants\":[]}",
                "{\"participants\":[\"CN\"],\"confidence\":\"high\"}", "{\"participants\":[\"CN\"]} {}", "{\"participants\":[1]}")) {
            assertThatThrownBy(() -> FactReader.read(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid Fact");
        }
    }

    @Test
    void theOutlineOfAFactIsWhatReadingItWholeGivesInCompactPrettyAndEscapedForms() throws Exception {
        Random random = new Random(12);
        for (int i = 0; i < 500; i++) {
            Fact fact = randomFact(random, i);
            byte[] compact = Json.bytes(fact);
            byte[] pretty = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(fact);
            byte[] escaped = Json.MAPPER.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsBytes(fact);
            for (byte[] json : List.of(compact, pretty, escaped)) {
                assertThat(FactReader.outline(json)).isEqualTo(FactOutline.of(FactReader.read(json)));
            }
        }
        String unusual = "{ \"future\" : [ {\"a\":\"]}\\\"\"}, -1.5e3, true, null ], \"id\":\"\\u0061\\\"b\","
                + "\"type\":\"TALKS\",\"participants\":[\"C\\u004E\", \"É\"],\"topics\":null,\"n\":12 }\n";
        assertThat(FactReader.outline(unusual.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new FactOutline("a\"b", FactType.TALKS, List.of("CN", "É"), null, null, List.of(), null));
    }

    @Test
    void skippedStringsEndAtTheirClosingQuoteWhereverItFallsInAWordOfEightBytes() {
        for (int length = 0; length < 24; length++) {
            String text = "x".repeat(length) + "\\\"é\\\\" + "y".repeat(length % 9);
            String json = "{\"evidence\":{\"text\":\"" + text + "\"},\"id\":\"a\",\"type\":\"VISIT\","
                    + "\"participants\":[\"CN\"]}";
            assertThat(FactReader.outline(json.getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo(new FactOutline("a", FactType.VISIT, List.of("CN"), null, null, List.of(), null));
            String cut = json.substring(0, json.indexOf(text) + length + 1); // ends inside the skipped string
            assertThatThrownBy(() -> FactReader.outline(cut.getBytes(StandardCharsets.UTF_8))).as(cut)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid Fact");
        }
    }

    @Test
    void readStringsAreDecodedWhereverAnEscapeANonAsciiOrAControlCharacterFallsInAWordOfEightBytes() throws Exception {
        for (int length = 1; length < 20; length++) {
            String plain = "x".repeat(length);
            for (int at = 0; at <= length; at++) {
                for (String special : List.of("é", "\\n", "\\u0041", "\\\"", "\\\\")) {
                    String id = plain.substring(0, at) + special + plain.substring(at);
                    String json = "{\"id\":\"" + id + "\",\"type\":\"VISIT\",\"participants\":[\"CN\"]}";
                    assertThat(FactReader.outline(json.getBytes(StandardCharsets.UTF_8)).id()).as(json)
                            .isEqualTo(Json.MAPPER.readValue("\"" + id + "\"", String.class));
                }
                String control = "{\"id\":\"" + plain.substring(0, at) + "\u0001" + plain.substring(at)
                        + "\",\"type\":\"VISIT\",\"participants\":[\"CN\"]}";
                assertThatThrownBy(() -> FactReader.outline(control.getBytes(StandardCharsets.UTF_8))).as(control)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
            }
        }
    }

    @Test
    void shortValuesThatShareACacheSlotAreNeverMistakenForEachOther() {
        for (int i = 0; i < 20_000; i++) { // several times the slots of the scanner's cache of recent values
            String code = Integer.toString(i, 36).toUpperCase();
            String date = String.format("2019-%02d-%02d", i % 12 + 1, i % 28 + 1);
            String json = "{\"id\":\"f" + i + "\",\"type\":\"TALKS\",\"participants\":[\"CN\",\"" + code + "\"],"
                    + "\"date\":\"" + date + "\",\"topics\":[\"t" + i % 97 + "\"]}";
            assertThat(FactReader.outline(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new FactOutline("f" + i,
                    FactType.TALKS, List.of("CN", code), null, date, List.of("t" + i % 97), null));
        }
    }

    @Test
    void aFactIsWrittenWithItsOutlineFirstAndTheOutlineIsReadWithoutWhatFollowsIt() {
        Fact fact = randomFact(new Random(4), 1);
        String json = new String(Json.bytes(fact), StandardCharsets.UTF_8);
        String outlined = json.substring(0, json.indexOf(",\"source\""));
        assertThat(outlined).startsWith("{\"id\":").contains("\"documentId\":", "\"type\":", "\"participants\":",
                "\"initiator\":", "\"date\":", "\"topics\":").endsWith("\"eventId\":" + Json.write(fact.eventId()));
        // What follows the outline is checked when the fact is read whole, not by the outline.
        byte[] cut = (outlined + ",\"evidence\":{\"text\":\"unclo").getBytes(StandardCharsets.UTF_8);
        assertThat(FactReader.outline(cut)).isEqualTo(FactOutline.of(fact));
        assertThatThrownBy(() -> FactReader.read(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOutlineOfWhatIsNoFactIsRejectedWithTheReason() {
        for (String bad : List.of("not json", "[1]", "", "{", "{\"id\":\"a\",\"type\":\"PARTY\",\"participants\":[]}",
                "{\"id\":\"a\",\"type\":\"VISIT\"}", "{\"id\":1,\"type\":\"VISIT\",\"participants\":[]}",
                "{\"id\":\"a\",\"type\":\"VISIT\",\"participants\":[\"CN\"]} {}",
                "{\"id\":\"a\",\"type\":\"VISIT\",\"participants\":[1]}",
                "{\"id\":\"a\",\"type\":\"VISIT\",\"participants\":[\"CN\"],\"evidence\":{\"text\":\"unclosed}",
                "{\"id\":\"a\",\"type\":\"VISIT\",\"participants\":[\"CN\"],\"confidence\":}",
                "{\"id\":\"a\\x\",\"type\":\"VISIT\",\"participants\":[\"CN\"]}",
                "{\"id\":\"a\" \"type\":\"VISIT\",\"participants\":[\"CN\"]}")) {
            assertThatThrownBy(() -> FactReader.outline(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a valid Fact");
        }
    }
}
