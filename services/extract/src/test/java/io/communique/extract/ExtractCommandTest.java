package io.communique.extract;

import io.communique.model.Fact;
import io.communique.model.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code extract FILE...}: JSON lines per fact with the path as source, sidecar metadata, exit code 2 on bad files. */
class ExtractCommandTest {

    @Test
    void printsFactsOfEachFileReadsTheSidecarAndReportsMissingFiles(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("101.txt");
        Files.writeString(report, "国家主席习近平昨天应约同法国总统马克龙通电话。");
        Files.writeString(dir.resolve("101.meta.json"), "{\"id\":\"101\",\"url\":null,\"published\":\"2019-10-16\",\"language\":\"zh\"}");
        Path binary = dir.resolve("102.txt");
        Files.write(binary, new byte[]{(byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = new CommandLine(new ExtractCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(dir.resolve("missing.txt").toString(), binary.toString(), report.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.txt").contains("no such file").contains("not UTF-8");
        List<Fact> facts = out.toString(StandardCharsets.UTF_8).lines().map(line -> Json.read(line, Fact.class)).toList();
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(report.toString());
            assertThat(f.participants()).containsExactly("CN", "FR");
            assertThat(f.initiator()).isEqualTo("FR");
            assertThat(f.date()).isEqualTo("2019-10-15");
        });
    }
}
