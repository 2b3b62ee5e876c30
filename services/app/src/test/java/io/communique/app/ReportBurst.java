package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Distinct reports posted to {@code POST /api/documents} by concurrent clients, recording what every 202 acknowledged.
 * Runs in the background, so a test can inject a fault while it is under way.
 */
final class ReportBurst {
    /** Status recorded for a request that got no answer at all (connection refused or reset). */
    static final int NO_ANSWER = 0;

    /** Countries whose Chinese names the extractor knows; every report names one. */
    private static final List<String> COUNTRIES = List.of(
            "法国", "德国", "俄罗斯", "巴西", "埃及", "印度", "南非", "阿根廷", "墨西哥", "智利",
            "秘鲁", "古巴", "越南", "老挝", "柬埔寨", "泰国", "缅甸", "蒙古", "哈萨克斯坦", "乌兹别克斯坦",
            "土库曼斯坦", "吉尔吉斯斯坦", "塔吉克斯坦", "巴基斯坦", "孟加拉国", "斯里兰卡", "尼泊尔", "伊朗", "土耳其", "埃塞俄比亚",
            "肯尼亚", "尼日利亚", "加纳", "坦桑尼亚", "赞比亚", "安哥拉", "芬兰", "奥地利", "葡萄牙", "希腊",
            "塞尔维亚", "匈牙利", "波兰", "捷克", "乌克兰", "白俄罗斯", "阿塞拜疆", "格鲁吉亚", "亚美尼亚", "委内瑞拉",
            "玻利维亚", "厄瓜多尔", "乌拉圭", "巴拿马", "印度尼西亚", "菲律宾", "韩国", "以色列", "塞内加尔", "津巴布韦");
    private static final int DAYS = 28;
    private static final int MONTHS = 12;

    /** What one 202 said: the document and the ids of its facts. */
    record Ack(int report, String documentId, List<String> factIds) {
    }

    private final HttpClient http;
    private final URI documents;
    private final String token;
    private final List<Integer> reports;
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Queue<Integer> cutOff = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();

    private ReportBurst(HttpClient http, int port, String token, List<Integer> reports) {
        this.http = http;
        this.documents = URI.create("http://127.0.0.1:" + port + "/api/documents");
        this.token = token;
        this.reports = List.copyOf(reports);
    }

    /** Report numbers first..first+count-1. */
    static List<Integer> numbers(int first, int count) {
        return IntStream.range(first, first + count).boxed().toList();
    }

    /**
     * Report number n: talks between China and one country on one date, a different text (and so a different
     * document and different fact ids) for every n ≥ 0.
     */
    static String report(int n) {
        int country = n % COUNTRIES.size();
        int day = n / COUNTRIES.size() % DAYS + 1;
        int month = n / (COUNTRIES.size() * DAYS) % MONTHS + 1;
        int year = 2001 + n / (COUNTRIES.size() * DAYS * MONTHS);
        return year + "年" + month + "月" + day + "日，国家主席习近平在北京同" + COUNTRIES.get(country) + "总统举行会谈。";
    }

    /** Posts the given reports, each once, from {@code clients} threads sharing the work. */
    static ReportBurst start(HttpClient http, int port, String token, List<Integer> reports, int clients) {
        ReportBurst burst = new ReportBurst(http, port, token, reports);
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(burst::postUntilDone, "report-burst-" + i);
            client.setDaemon(true);
            burst.clients.add(client);
            client.start();
        }
        return burst;
    }

    int acknowledged() {
        return acknowledged.get();
    }

    /** Waits for every client to finish; returns every acknowledgement. */
    List<Ack> await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread client : clients) {
            client.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (client.isAlive()) {
                throw new AssertionError("report burst still running after " + timeout + ": a client hangs");
            }
        }
        return List.copyOf(acks);
    }

    /** How many requests got which status ({@link #NO_ANSWER}: none). */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /**
     * Reports whose request reached the app but got no answer (connection reset or closed): in flight when the app
     * died, so Kafka may or may not have their records.
     */
    List<Integer> cutOff() {
        return List.copyOf(cutOff);
    }

    private void postUntilDone() {
        for (int i = next.getAndIncrement(); i < reports.size(); i = next.getAndIncrement()) {
            int n = reports.get(i);
            int status;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(documents)
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "text/plain; charset=utf-8")
                                .header("Authorization", "Bearer " + token)
                                .POST(HttpRequest.BodyPublishers.ofString(report(n), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 202) {
                    acks.add(ack(n, response.body()));
                    acknowledged.incrementAndGet();
                }
            } catch (ConnectException e) {
                status = NO_ANSWER; // refused: never reached the app
            } catch (IOException e) {
                status = NO_ANSWER;
                cutOff.add(n);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static Ack ack(int n, String body) throws IOException {
        JsonNode reply = Json.MAPPER.readTree(body);
        List<String> factIds = new ArrayList<>();
        reply.get("facts").forEach(id -> factIds.add(id.asText()));
        return new Ack(n, reply.get("documentId").asText(), factIds);
    }
}
