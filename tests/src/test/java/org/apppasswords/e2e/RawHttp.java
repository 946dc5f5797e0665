package org.apppasswords.e2e;

import java.io.IOException;

/**
 * One HTTP/1.1 request with its path sent byte for byte: HTTP client libraries normalise
 * {@code ..} segments and re-encode before sending, and the tests want to see what James does
 * with the path an attacker would send.
 */
final class RawHttp {
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
        try (LineConnection connection = new LineConnection(port)) {
            connection.writeLine(method + " " + rawPath + " HTTP/1.1");
            connection.writeLine("Host: " + Protocol.LOOPBACK + ":" + port);
            if (bearerToken != null) {
                connection.writeLine("Authorization: Bearer " + bearerToken);
            }
            connection.writeLine("Connection: close");
            connection.writeLine("");
            String statusLine = connection.readLine();
            StringBuilder text = new StringBuilder(statusLine).append('\n');
            try {
                while (true) {
                    text.append(connection.readLine()).append('\n');
                }
            } catch (IOException closed) {
                // Connection: close, the server ends the answer by closing.
            }
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), text.toString());
        }
    }
}
