package org.apppasswords.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** RFC 8621 JMAP with HTTP Basic: {@code GET /jmap/session}, authenticated on every request. */
final class JmapBasic {
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
    private final URI session;

    JmapBasic(int port) {
        this.session = URI.create("http://127.0.0.1:" + port + "/jmap/session");
    }

    /** @return true on 200, false on 401; anything else is an error */
    boolean session(String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(session)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Basic " + basic)
            .header("Accept", "application/json; jmapVersion=rfc-8621")
            .GET()
            .build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200 && status != 401) {
            throw new IOException("JMAP answered " + status);
        }
        return status == 200;
    }
}
