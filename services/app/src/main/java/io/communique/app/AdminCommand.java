package io.communique.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** The admin actions of a running instance from the command line: the same as {@code POST /api/admin/…}. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Ask a running instance to rebuild its views from the fact log, or to re-extract every document "
                + "with its current extractor; prints the JSON report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the instance refused or failed (its problem detail is printed)",
                "2:bad arguments", "3:no instance answered at the URL"})
final class AdminCommand implements Callable<Integer> {
    enum Action { rebuild, reextract }

    @Parameters(index = "0", description = "rebuild or reextract")
    Action action;

    @Option(names = "--url", description = "the instance's base URL (default: http://127.0.0.1:$HTTP_PORT, 8080)")
    String url;

    @Option(names = "--token", description = "the API token (default: $API_TOKEN, else $DATA_DIR/api-token)")
    String token;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    AdminCommand() {
        this(System.getenv(), System.out, System.err);
    }

    AdminCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = AppConfig.fromEnv(env);
        String base = url != null ? url : "http://127.0.0.1:" + config.httpPort();
        String bearer;
        try {
            bearer = token != null ? token : config.apiToken() != null ? config.apiToken()
                    : Files.readString(ApiTokenFile.pathIn(config.dataDir())).strip();
        } catch (IOException e) {
            err.println("admin: no API token: pass --token, set API_TOKEN, or run where " + ApiTokenFile.pathIn(config.dataDir()) + " exists");
            return 2;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/admin/" + action))
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        err.println("admin: " + action + " at " + base + " (this may take a while on a long log)…");
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                out.println(response.body());
                return 0;
            }
            err.println("admin: " + action + " answered " + response.statusCode() + ": " + response.body());
            return 1;
        } catch (ConnectException e) {
            err.println("admin: no Communiqué instance answers at " + base);
            return 3;
        } catch (IOException e) {
            err.println("admin: " + action + " at " + base + " failed: " + e.getMessage());
            return 3;
        }
    }
}
