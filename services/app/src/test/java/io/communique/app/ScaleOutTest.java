package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.broker.EmbeddedKafka;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances share one Kafka cluster: the work splits by partition and either serves complete views. */
class ScaleOutTest {
    static final String KENYA_TALKS = "2018年9月1日，国家主席习近平在北京人民大会堂同肯尼亚总统肯雅塔举行会谈。";
    static final String PERU_TALKS = "2019年4月28日，国家主席习近平在北京同秘鲁总统比斯卡拉举行会谈。";

    @TempDir
    Path dir;

    @Test
    void aReportPostedToOneInstanceReachesTheOthersClientsAndSurvivesTheFirstStopping() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0)) {
            Communique a = TestApps.start(Files.createDirectories(dir.resolve("a")), kafka.bootstrapServers());
            Communique b = TestApps.start(Files.createDirectories(dir.resolve("b")), kafka.bootstrapServers());
            Vertx client = Vertx.vertx();
            try {
                List<JsonNode> messages = new CopyOnWriteArrayList<>();
                EndToEndTest.connectWebSocket(client, b.httpPort(), text -> messages.add(EndToEndTest.readTree(text)));

                String kenyaDocument = TestApps.post(a, KENYA_TALKS).get("documentId").asText();
                EndToEndTest.awaitTrue(() -> EndToEndTest.liveFacts(messages)
                        .anyMatch(f -> f.get("documentId").asText().equals(kenyaDocument)));
                EndToEndTest.awaitTrue(() -> factCount(b, "KE") > 0);

                a.close();
                a = null;
                TestApps.post(b, PERU_TALKS);
                // B now owns every partition: Peru's view appears, Kenya's is still complete. China's view is folded
                // in another partition than Peru's, so it may be published a batch later.
                EndToEndTest.awaitTrue(() -> factCount(b, "PE") > 0);
                assertThat(factCount(b, "KE")).isPositive();
                EndToEndTest.awaitTrue(() -> get(b, "/api/countries/CN").body().contains("PE"));
                assertThat(get(b, "/api/countries/CN").body()).contains("KE");
            } finally {
                client.close();
                if (a != null) {
                    a.close();
                }
                b.close();
            }
        }
    }

    private static int factCount(Communique instance, String code) throws Exception {
        HttpResponse<String> response = get(instance, "/api/countries/" + code);
        return response.statusCode() == 200 ? EndToEndTest.readTree(response.body()).get("factCount").asInt() : 0;
    }

    private static HttpResponse<String> get(Communique instance, String path) throws Exception {
        return TestHttp.get(instance.httpPort(), path);
    }
}
