package io.communique.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 exchanges written byte by byte, for requests Java's HTTP client will not send: another Host header (as a
 * browser sends after DNS rebinding), none at all, a WebSocket upgrade whose 101 is to be seen.
 */
final class RawHttp {
    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** A GET of {@code path} naming {@code host} (null: no Host header, as HTTP/1.0 allows). */
    static Response get(int port, String host, String path) throws IOException {
        return host == null ? exchange(port, "GET " + path + " HTTP/1.0\r\n\r\n")
                : exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    /** A browser's WebSocket handshake to {@code path}, from a page of {@code host}. */
    static Response upgrade(int port, String host, String path) throws IOException {
        return exchange(port, upgradeRequest(host, path));
    }

    /** The request of a browser's WebSocket handshake to {@code path}, from a page of {@code host}. */
    static String upgradeRequest(String host, String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://" + host + "\r\n\r\n";
    }

    static Response exchange(int port, String request) throws IOException {
        return exchange(InetAddress.getByName("127.0.0.1"), port, request);
    }

    /**
     * Sends the request on a new connection from the loopback address {@code from} (127.0.0.2 is another client to
     * the server); reads the status, headers and a Content-Length body.
     */
    static Response exchange(InetAddress from, int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0)) {
            socket.setSoTimeout(10_000);
            return exchange(socket, request);
        }
    }

    /** Sends the request on an open connection, which stays open, and reads the response's head and body. */
    static Response exchange(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed within the head: " + head);
            }
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        Response response = new Response(Integer.parseInt(headText.split(" ", 3)[1]), headText, "");
        String length = response.header("Content-Length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Response(response.status(), headText, new String(body, StandardCharsets.UTF_8));
    }

    static boolean isProblem(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).equals(Problems.CONTENT_TYPE);
    }
}
