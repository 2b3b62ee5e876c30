package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code extract [--format] FILE...}: facts with the path as source, sidecar metadata, stdin, exit code 1 on bad files. */
class ExtractCommandTest {
    private static final String CALL = "国家主席习近平昨天应约同法国总统马克龙通电话。";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(InputStream stdin, String... args) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(new ExtractCommand(stdin, new PrintStream(out, true, StandardCharsets.UTF_8), errStream))
                .setErr(new PrintWriter(errStream, true)) // picocli's own usage errors
                .execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsFactsOfGoodFilesReportsBadOnesOnStderrAndExitsWithOne(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("101.txt");
        Files.writeString(report, CALL);
        Files.writeString(dir.resolve("101.meta.json"), "{\"id\":\"101\",\"url\":null,\"published\":\"2019-10-16\",\"language\":\"zh\"}");
        Path binary = dir.resolve("102.txt");
        Files.write(binary, new byte[]{(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        Path empty = dir.resolve("103.txt");
        Files.writeString(empty, "  \n");

        int exit = run(InputStream.nullInputStream(), dir.resolve("missing.txt").toString(), binary.toString(),
                empty.toString(), dir.toString(), report.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().lines()).containsExactly(
                "extract: cannot read " + dir.resolve("missing.txt") + ": no such file",
                "extract: cannot read " + binary + ": not UTF-8 text",
                "extract: cannot read " + empty + ": empty report",
                "extract: cannot read " + dir + ": a directory, not a report file");
        List<Fact> facts = stdout().lines().map(line -> Json.read(line, Fact.class)).toList();
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(report.toString());
            assertThat(f.participants()).containsExactly("CN", "FR");
            assertThat(f.initiator()).isEqualTo("FR");
            assertThat(f.date()).isEqualTo("2019-10-15");
        });
    }

    @Test
    void allGoodFilesExitWithZeroAndNothingOnStderr(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("201.txt");
        Files.writeString(report, CALL);

        assertThat(run(InputStream.nullInputStream(), report.toString())).isZero();
        assertThat(stderr()).isEmpty();
        assertThat(stdout().lines()).hasSize(1);
    }

    @Test
    void dashReadsTheReportFromStdin() {
        int exit = run(new ByteArrayInputStream(CALL.getBytes(StandardCharsets.UTF_8)), "-");

        assertThat(exit).isZero();
        assertThat(stdout().lines().map(line -> Json.read(line, Fact.class)).toList()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("stdin");
            assertThat(f.participants()).containsExactly("CN", "FR");
        });
    }

    @Test
    void nonUtf8StdinIsReportedAndExitsWithOne() {
        int exit = run(new ByteArrayInputStream(new byte[]{(byte) 0xFF, (byte) 0xFE, 0x41}), "-");

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).isEqualTo("extract: cannot read -: not UTF-8 text" + System.lineSeparator());
        assertThat(stdout()).isEmpty();
    }

    @Test
    void prettyFormatPrintsIndentedFactsThatReadBackEqual(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("301.txt");
        Files.writeString(report, CALL);

        assertThat(run(InputStream.nullInputStream(), "--format", "jsonl", report.toString())).isZero();
        Fact compact = Json.read(stdout().strip(), Fact.class);
        out.reset();
        assertThat(run(InputStream.nullInputStream(), "--format", "pretty", report.toString())).isZero();

        assertThat(stdout().lines().count()).isGreaterThan(10);
        assertThat(stdout()).contains("\n  \"participants\" : [ \"CN\", \"FR\" ]");
        assertThat(Json.read(stdout(), Fact.class)).isEqualTo(compact);
    }

    @Test
    void anUnknownFormatIsAUsageError(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("401.txt");
        Files.writeString(report, CALL);

        assertThat(run(InputStream.nullInputStream(), "--format", "xml", report.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--format").contains("xml");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void statsTellTheLexiconLoadAndExtractionTimesOnStderr() {
        int exit = run(new ByteArrayInputStream(CALL.getBytes(StandardCharsets.UTF_8)), "--stats", "-");

        assertThat(exit).isZero();
        assertThat(stdout().lines()).hasSize(1);
        assertThat(stderr()).matches("(?s)extract: lexicon loaded in \\d+ ms \\(\\d+ ms CPU\\); 1 reports \\(" + CALL.length()
                + " characters\\) extracted in \\d+ ms \\(\\d+ ms CPU\\)\\R");
    }
}
