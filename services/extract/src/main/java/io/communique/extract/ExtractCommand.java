package io.communique.extract;

import io.communique.model.Document;
import io.communique.model.DocumentFiles;
import io.communique.model.Fact;
import io.communique.model.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code extract FILE...}: prints the facts of each report as JSON lines on stdout. */
@Command(name = "extract", mixinStandardHelpOptions = true, version = "communique-rules " + Extractor.VERSION,
        description = {"Prints the fact events of each report as JSON lines (one fact per line, UTF-8).",
                "Reads an optional sidecar NNN.meta.json beside NNN.txt ({\"id\",\"url\",\"published\",\"language\"}).",
                "Exit code 2 when a file is missing or unreadable; the other files are still processed."})
public final class ExtractCommand implements Callable<Integer> {
    /** Above this many files, progress goes to stderr. */
    private static final int PROGRESS_FROM = 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "report files (UTF-8 plain text)")
    List<String> files;

    private final PrintStream out;
    private final PrintStream err;

    public ExtractCommand() {
        this(new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8), System.err);
    }

    ExtractCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ExtractCommand()).execute(args));
    }

    @Override
    public Integer call() {
        Extractor extractor = new Extractor();
        int exit = 0;
        for (int n = 0; n < files.size(); n++) {
            String file = files.get(n);
            if (files.size() > PROGRESS_FROM && n % PROGRESS_FROM == 0) {
                err.printf("extract: %d/%d files%n", n, files.size());
            }
            try {
                for (Fact fact : extractor.extract(read(Path.of(file), file))) {
                    out.println(Json.write(fact));
                }
            } catch (IOException e) {
                err.println("extract: cannot read " + file + ": " + describe(e));
                exit = 2;
            } catch (RuntimeException e) {
                err.println("extract: cannot extract " + file + ": " + describe(e));
                exit = 2;
            }
        }
        out.flush();
        return exit;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The report with its sidecar metadata; the source is the path as given. */
    /** A report and its optional sidecar, as {@link DocumentFiles} reads them; no receipt time: nothing is ingested. */
    static Document read(Path path, String source) throws IOException {
        return DocumentFiles.read(path, source, null);
    }
}
