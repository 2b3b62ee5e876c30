package io.communique.extract;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.communique.model.Document;
import io.communique.model.DocumentFiles;
import io.communique.model.Fact;
import io.communique.model.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code extract [--format jsonl|pretty] FILE...}: prints the facts of each report on stdout; {@code -} reads a report
 * from stdin. A file that cannot be read or extracted gets one line on stderr, the others are still processed, and
 * the exit code is 1 at the end.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, version = "communique-rules " + Extractor.VERSION,
        description = {"Prints the fact events of each report (UTF-8 plain text; - reads stdin), each with its \"source\".",
                "Reads an optional sidecar NNN.meta.json beside NNN.txt ({\"id\",\"url\",\"published\",\"language\"}).",
                "Exit code 1 when a file is missing, unreadable, not UTF-8 or empty; the other files are still processed."})
public final class ExtractCommand implements Callable<Integer> {
    /** Above this many files, progress goes to stderr. */
    private static final int PROGRESS_FROM = 20;
    static final String STDIN = "-";

    /** jsonl: one fact per line, for pipes and score-facts; pretty: indented JSON, one fact after another, for reading. */
    enum Format { jsonl, pretty }

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|pretty",
            description = "jsonl (one fact per line, default) or pretty (indented)")
    Format format;

    @Option(names = "--stats", description = "print the lexicon load time and the extraction time to stderr at the end")
    boolean stats;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (UTF-8 plain text), - for stdin")
    List<String> files;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public ExtractCommand() {
        this(System.in, new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8), System.err);
    }

    ExtractCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractCommand()).execute(args));
    }

    @Override
    public Integer call() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long loadStart = System.nanoTime();
        long loadCpuStart = threads.getCurrentThreadCpuTime();
        Extractor extractor = new Extractor();
        long loadNanos = System.nanoTime() - loadStart;
        long loadCpuNanos = threads.getCurrentThreadCpuTime() - loadCpuStart;
        long extractNanos = 0;
        long extractCpuNanos = 0;
        long characters = 0;
        int reports = 0;
        ObjectWriter writer = format == Format.pretty ? Json.MAPPER.writerWithDefaultPrettyPrinter() : Json.MAPPER.writer();
        int exit = 0;
        for (int n = 0; n < files.size(); n++) {
            String file = files.get(n);
            if (files.size() > PROGRESS_FROM && n % PROGRESS_FROM == 0) {
                err.printf("extract: %d/%d files%n", n, files.size());
            }
            try {
                Document document = file.equals(STDIN) ? readStdin() : read(Path.of(file), file);
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                List<Fact> facts = extractor.extract(document);
                extractNanos += System.nanoTime() - start;
                extractCpuNanos += threads.getCurrentThreadCpuTime() - cpuStart;
                characters += document.text().length();
                reports++;
                for (Fact fact : facts) {
                    out.println(writer.writeValueAsString(fact));
                }
            } catch (IOException | InvalidPathException e) {
                err.println("extract: cannot read " + file + ": " + describe(e, file));
                exit = 1;
            } catch (RuntimeException e) {
                err.println("extract: cannot extract " + file + ": " + describe(e, file));
                exit = 1;
            }
        }
        out.flush();
        if (stats) {
            // this process's times, the first reports included: what a one-off run costs, not the warmed-up rate (see
            // the bench); CPU time beside wall time, which other processes on the machine stretch
            err.printf(java.util.Locale.ROOT, "extract: lexicon loaded in %d ms (%d ms CPU); %d reports (%d characters) extracted in %d ms (%d ms CPU)%n",
                    loadNanos / 1_000_000, loadCpuNanos / 1_000_000, reports, characters, extractNanos / 1_000_000, extractCpuNanos / 1_000_000);
        }
        return exit;
    }

    /** The reason without the path that the message starts with already. */
    private static String describe(Exception e, String file) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
    }

    /** A report on stdin: strict UTF-8 like a file, no sidecar, "stdin" as its source. */
    private Document readStdin() throws IOException {
        byte[] bytes = in.readAllBytes();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
        if (text.isBlank()) {
            throw new IOException("empty report");
        }
        return Document.of(text, "stdin", null, null, null, null);
    }

    /** A report and its optional sidecar, as {@link DocumentFiles} reads them; no receipt time: nothing is ingested. */
    static Document read(Path path, String source) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException("a directory, not a report file");
        }
        return DocumentFiles.read(path, source, null);
    }
}
