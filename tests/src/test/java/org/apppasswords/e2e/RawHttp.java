package org.apppasswords.e2e;

import java.io.IOException;

/**
 * One HTTP/1.1 request with its path sent byte for byte: HTTP client libraries normalise
 * {@code ..} segments before sending, and the tests want to see what James does with them.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** @return the status code of the answer */
    static int status(int port, String method, String rawPath, String bearerToken) throws IOException {
        try (LineConnection connection = new LineConnection(port)) {
            connection.writeLine(method + " " + rawPath + " HTTP/1.1");
            connection.writeLine("Host: " + Protocol.LOOPBACK + ":" + port);
            if (bearerToken != null) {
                connection.writeLine("Authorization: Bearer " + bearerToken);
            }
            connection.writeLine("Connection: close");
            connection.writeLine("");
            String statusLine = connection.readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
