package org.apppasswords.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * For the demo only: the self-service API over HTTP on James's JMAP port, exactly as a user's
 * {@code curl} would call it (docs/self-service.md), so that the demo user gets TOTP and an app
 * password the way every user does.
 */
final class SelfServiceHttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    SelfServiceHttpClient(String base) {
        this.base = base;
    }

    void signIn(String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/session"))
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
        token = send(request, 200).get("token").asText();
    }

    JsonNode post(String path, Map<String, String> body, int expectedStatus) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        return send(request.build(), expectedStatus);
    }

    private JsonNode send(HttpRequest request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expectedStatus) {
            // The answers of the API carry no secret when they refuse: safe to show.
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
        }
        return JSON.readTree(response.body());
    }
}
