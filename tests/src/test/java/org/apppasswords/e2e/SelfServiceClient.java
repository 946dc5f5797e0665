package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The self-service API over real HTTP on James's JMAP port, with REST-assured. Plain requests:
 * no JMAP {@code Accept} header, as {@code curl} or a browser sends them. Every secret the server
 * hands out is registered with the leak detector while it is minted, every password sent before
 * it is sent.
 */
final class SelfServiceClient {
    static final String BASE = "/app-passwords-api";

    private final JamesConfDirectory.Ports ports;

    SelfServiceClient(JamesConfDirectory.Ports ports) {
        this.ports = ports;
    }

    RequestSpecification request() {
        return given()
            .baseUri("http://" + Protocol.LOOPBACK).port(ports.jmap)
            .basePath(BASE)
        .when();
    }

    RequestSpecification withToken(String token) {
        return request().header("Authorization", "Bearer " + token);
    }

    Response signIn(String user, String password) {
        Protocol.rememberSent("", user, password);
        return SecretLeakDetector.whileMinting(
            () -> request().auth().preemptive().basic(user, password).post("/session"),
            response -> response.statusCode() == 200 ? List.of(response.jsonPath().getString("token")) : List.of());
    }

    /** Signs in and returns the token; fails the test unless the sign-in succeeds. */
    String token(String user, String password) {
        Response response = signIn(user, password);
        assertThat(response.statusCode()).as("sign-in status").isEqualTo(200);
        return response.jsonPath().getString("token");
    }

    /** {@code POST /totp} with the primary password asked again in the body, as the step-up requires. */
    Response startEnrolment(String token, String primaryPassword) {
        registerPassword(primaryPassword);
        return SecretLeakDetector.whileMinting(() -> withToken(token).contentType("application/json")
                .body(Map.of("password", primaryPassword)).post("/totp"), response -> {
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonPath json = response.jsonPath();
            return List.of(json.getString("secret"), json.getString("otpauthUri"), json.getString("qrCodePng"));
        });
    }

    Response confirm(String token, String code) {
        return SecretLeakDetector.whileMinting(() -> withToken(token).contentType("application/json")
                .body(Map.of("code", code)).post("/totp/confirm"),
            response -> {
                if (response.statusCode() != 200) {
                    return List.of();
                }
                List<String> secrets = new ArrayList<>();
                for (String code1 : response.jsonPath().getList("recoveryCodes", String.class)) {
                    secrets.add(code1);
                    secrets.add(code1.replace("-", ""));
                }
                return secrets;
            });
    }

    Response disable(String token, String code) {
        return withToken(token).contentType("application/json").body(Map.of("code", code)).delete("/totp");
    }

    Response createAppPassword(String token, String label, String primaryPassword) {
        return createAppPassword(token, Map.of("label", label, "password", primaryPassword));
    }

    /** Limited to {@code protocols} (API names, or any JSON value to try the API's answer to it). */
    Response createAppPassword(String token, String label, String primaryPassword, Object protocols) {
        return createAppPassword(token, Map.of("label", label, "password", primaryPassword, "protocols", protocols));
    }

    /** For {@code device} ("apple", "thunderbird-android", "other"): the link's token and the QR code are secrets too. */
    Response createAppPasswordFor(String token, String label, String primaryPassword, String device) {
        return createAppPassword(token, Map.of("label", label, "password", primaryPassword, "device", device));
    }

    /** Any body, to try the API's answer to it. */
    Response createAppPassword(String token, Map<String, Object> body) {
        registerPassword((String) body.get("password"));
        return SecretLeakDetector.whileMinting(() -> withToken(token).contentType("application/json")
                .body(body).post("/app-passwords"),
            response -> {
                if (response.statusCode() != 201) {
                    return List.of();
                }
                String password = response.jsonPath().getString("password");
                List<String> secrets = new ArrayList<>(List.of(password, password.replace("-", "")));
                String profileUrl = response.jsonPath().getString("device.profileUrl");
                if (profileUrl != null) {
                    secrets.add(profileUrl.substring(profileUrl.lastIndexOf('/') + 1));
                }
                String qrCode = response.jsonPath().getString("device.qrCodePng");
                if (qrCode != null) {
                    secrets.add(qrCode);
                }
                return secrets;
            });
    }

    /** A password sent is a secret the logs must never show; shorter ones cannot be searched for reliably. */
    private static void registerPassword(String primaryPassword) {
        if (primaryPassword.length() >= 8) {
            SecretLeakDetector.register(primaryPassword);
        }
    }

    Response listAppPasswords(String token) {
        return withToken(token).get("/app-passwords");
    }

    Response revoke(String token, String id) {
        return withToken(token).delete("/app-passwords/" + id);
    }

    Response revokeAll(String token) {
        return withToken(token).delete("/app-passwords");
    }

    Response signOut(String token) {
        return withToken(token).delete("/session");
    }
}
