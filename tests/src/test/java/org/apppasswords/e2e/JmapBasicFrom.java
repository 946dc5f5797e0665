package org.apppasswords.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One JMAP Basic request (RFC 8621 session, {@code GET /jmap/session}) from a chosen loopback
 * source address, as a raw HTTP/1.1 exchange over a socket bound to that address: HTTP client
 * libraries here cannot choose the source address, and James must see several client addresses.
 */
final class JmapBasicFrom {
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private JmapBasicFrom() {
    }

    /** True for 200, false for 401; any other answer fails the test. */
    static boolean login(JamesConfDirectory.Ports ports, String source, String user, String password) throws IOException {
        Protocol.rememberSent("", user, password);
        String credentials = Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        String request = "GET /jmap/session HTTP/1.1\r\n"
            + "Host: " + Protocol.LOOPBACK + ':' + ports.jmap + "\r\n"
            + "Accept: application/json; jmapVersion=rfc-8621\r\n"
            + "Authorization: Basic " + credentials + "\r\n"
            + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), ports.jmap, InetAddress.getByName(source), 0)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            int status = Integer.parseInt(statusLine(socket.getInputStream()).split(" ", 3)[1]);
            if (status != 200 && status != 401) {
                throw new AssertionError("JMAP answered " + status + ", neither success nor refusal");
            }
            return status == 200;
        }
    }

    private static String statusLine(InputStream input) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int read = input.read(); read >= 0 && read != '\n'; read = input.read()) {
            line.append((char) read);
        }
        if (line.length() == 0) {
            throw new IOException("JMAP closed the connection without an answer");
        }
        return line.toString().trim();
    }
}
