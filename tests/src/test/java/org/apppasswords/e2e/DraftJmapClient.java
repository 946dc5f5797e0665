package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.specification.RequestSpecification;

/** James 3.8.1's draft-JMAP {@code /authentication}, which trades a password for a 15-minute access token. */
final class DraftJmapClient {
    static final int CREATED = 201;
    static final int UNAUTHORIZED = 401;

    private DraftJmapClient() {
    }

    /** The two steps of the draft protocol: a continuation token for the user, then the password. */
    static int accessTokenStatus(JamesConfDirectory.Ports ports, String user, String password) {
        Protocol.rememberSent("", user, password);
        String continuationToken = draftRequest(ports)
            .body(Map.of("username", user, "clientName", "test", "clientVersion", "1", "deviceName", "junit"))
            .post("/authentication")
        .then()
            .statusCode(200)
            .extract().path("continuationToken");

        return draftRequest(ports)
            .body(Map.of("token", continuationToken, "method", "password", "password", password))
            .post("/authentication")
        .then()
            .extract().statusCode();
    }

    private static RequestSpecification draftRequest(JamesConfDirectory.Ports ports) {
        return given()
            .baseUri("http://" + Protocol.LOOPBACK).port(ports.jmap)
            .header("Content-Type", "application/json; charset=UTF-8")
            .accept("application/json")
        .when();
    }
}
