package org.apppasswords.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 request with its path sent byte for byte: HTTP client libraries normalise
 * {@code ..} segments and re-encode before sending, and the tests want to see what James does
 * with the path an attacker would send.
 */
final class RawHttp {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    /** The status code and the whole answer, headers included. */
    static final class Answer {
        final int status;
        final String text;

        private Answer(int status, String text) {
            this.status = status;
            this.text = text;
        }
    }

    private RawHttp() {
    }

    static Answer send(int port, String method, String rawPath, String bearerToken) throws IOException {
        return send(port, method, rawPath, bearerToken == null ? List.of() : List.of("Authorization: Bearer " + bearerToken));
    }

    /** With {@code headerLines} ("Name: value") sent as they are, repeated names included. */
    static Answer send(int port, String method, String rawPath, List<String> headerLines) throws IOException {
        return send(port, method, rawPath, headerLines, null);
    }

    /** With a JSON {@code body} too (none when null). */
    static Answer send(int port, String method, String rawPath, List<String> headerLines, String body) throws IOException {
        StringBuilder request = new StringBuilder()
            .append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n")
            .append("Host: ").append(Protocol.LOOPBACK).append(':').append(port).append("\r\n");
        headerLines.forEach(line -> request.append(line).append("\r\n"));
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n");
        }
        request.append("Connection: close\r\n\r\n").append(body == null ? "" : body);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (IOException answeredEarly) {
                // A server may answer (414) and close before reading the whole request: read what it sent.
            }
            String text = readAll(socket.getInputStream());
            return new Answer(Integer.parseInt(text.split(" ", 3)[1]), text);
        }
    }

    private static String readAll(InputStream input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
                bytes.write(buffer, 0, read);
            }
        } catch (IOException closed) {
            // A reset after the answer ends it as well as a close does.
            if (bytes.size() == 0) {
                throw closed;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
