package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.response.Response;

/**
 * Bad input to the self-service API: every case gets a clear 4xx in the one JSON error shape
 * ({@code statusCode}, {@code type}, {@code message}), never a 500 or a stack trace, and changes
 * nothing.
 */
class SelfServiceBadInputTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static TotpUser user;
    private static String token;

    @BeforeAll
    static void signIn() throws Exception {
        user = TotpUser.create(james, "bad");
        token = client().token(user.name, user.primaryWithCurrentCode());
    }

    private static SelfServiceClient client() {
        return new SelfServiceClient(james.ports());
    }

    private static Response postJson(String path, String body) {
        return client().withToken(token).contentType("application/json").body(body).post(path);
    }

    private static void assertError(Response response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.jsonPath().getInt("statusCode")).isEqualTo(status);
        assertThat(response.jsonPath().getString("type")).isEqualTo(type);
        assertThat(response.jsonPath().getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(response.asString()).doesNotContainIgnoringCase(TotpUser.PRIMARY_PASSWORD);
    }

    private static void assertNothingCreated() {
        Response list = client().listAppPasswords(token);
        assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(list.jsonPath().getList("id")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"label\": \"Mail\", \"password\": ",
        "not json",
        "[\"label\", \"password\"]",
        "\"label\"",
        "null",
        "",
        "{\"label\": \"Mail\"}",
        "{\"password\": \"Primary-Passw0rd\"}",
        "{\"label\": \"Mail\", \"password\": \"Primary-Passw0rd\", \"admin\": true}",
        "{\"label\": 5, \"password\": \"Primary-Passw0rd\"}",
        "{\"label\": null, \"password\": \"Primary-Passw0rd\"}",
        "{\"label\": [\"Mail\"], \"password\": \"Primary-Passw0rd\"}",
        "{\"label\": \"Mail\", \"label\": \"Other\", \"password\": \"Primary-Passw0rd\"}",
        "{\"label\": \"Mail\", \"password\": \"Primary-Passw0rd\"} {}",
    })
    void createShouldAnswer400WhenTheBodyIsNotExactlyTheExpectedObject(String body) {
        assertError(postJson("/app-passwords", body), 400, "InvalidArgument");
        assertNothingCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u0007bell", "a\nb"})
    void createShouldAnswer400WhenTheLabelIsNotPrintable(String label) {
        assertError(client().createAppPassword(token, label, TotpUser.PRIMARY_PASSWORD), 400, "InvalidArgument");
        assertNothingCreated();
    }

    @Test
    void createShouldAnswer400WhenTheLabelIsTooLong() {
        assertError(client().createAppPassword(token, "x".repeat(65), TotpUser.PRIMARY_PASSWORD), 400, "InvalidArgument");
        assertNothingCreated();
    }

    @Test
    void createShouldTrimTheLabelAndAllowDuplicates() {
        Response first = client().createAppPassword(token, "  Phone  ", TotpUser.PRIMARY_PASSWORD);
        Response second = client().createAppPassword(token, "Phone", TotpUser.PRIMARY_PASSWORD);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(first.jsonPath().getString("label")).isEqualTo("Phone");
        assertThat(first.jsonPath().getString("id")).isNotEqualTo(second.jsonPath().getString("id"));
        assertThat(client().revoke(token, first.jsonPath().getString("id")).statusCode()).isEqualTo(204);
        assertThat(client().revoke(token, second.jsonPath().getString("id")).statusCode()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/json; charset=ISO-8859-1", "application/jsonx"})
    void createShouldAnswer415WhenTheContentTypeIsNotJson(String contentType) {
        Response response = client().withToken(token).contentType(contentType)
            .body("{\"label\": \"Mail\", \"password\": \"Primary-Passw0rd\"}".getBytes(StandardCharsets.UTF_8))
            .post("/app-passwords");

        assertError(response, 415, "UnsupportedMediaType");
        assertNothingCreated();
    }

    @Test
    void createShouldAnswer415WithoutAContentType() {
        assertError(client().withToken(token).post("/app-passwords"), 415, "UnsupportedMediaType");
        assertError(client().withToken(token).post("/totp/confirm"), 415, "UnsupportedMediaType");
    }

    @Test
    void createShouldAnswer413WhenTheDeclaredLengthIsTooLarge() {
        String huge = "{\"label\": \"" + "x".repeat(64 * 1024) + "\", \"password\": \"Primary-Passw0rd\"}";

        assertError(postJson("/app-passwords", huge), 413, "PayloadTooLarge");
        assertNothingCreated();
    }

    @Test
    void createShouldAnswer413WhenAChunkedBodyGrowsTooLarge() throws Exception {
        byte[] huge = ("{\"label\": \"" + "x".repeat(64 * 1024) + "\", \"password\": \"Primary-Passw0rd\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + james.ports().jmap + "/app-passwords-api/app-passwords"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            // An InputStream of unknown length is sent chunked: no Content-Length to check first.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
            .build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
            .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"type\":\"PayloadTooLarge\"");
        assertNothingCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzzzz", "abcde", "ABCDE", "toolong", "a", "%2e%2e", "japqd"})
    void revokeShouldAnswer404WhenTheIdIsUnknown(String id) {
        assertError(client().revoke(token, id), 404, "NotFound");
        assertNothingCreated();
    }

    @Test
    void knownPathsShouldAnswer405ToAnotherMethod() {
        Response response = client().withToken(token).put("/session");

        assertError(response, 405, "MethodNotAllowed");
        assertThat(response.header("Allow")).isEqualTo("POST, DELETE");
        assertError(client().withToken(token).get("/totp/confirm"), 405, "MethodNotAllowed");
        assertError(client().withToken(token).post("/app-passwords/abcde"), 405, "MethodNotAllowed");
    }

    @Test
    void unknownPathsShouldAnswer404() {
        assertError(client().withToken(token).get("/nothing-here"), 404, "NotFound");
        assertError(client().withToken(token).delete("/app-passwords/abcde/more"), 404, "NotFound");
        assertError(client().request().get(""), 404, "NotFound");
    }

    @Test
    void confirmShouldAnswer400WhenTheCodeIsNotAString() {
        assertError(postJson("/totp/confirm", "{\"code\": 123456}"), 400, "InvalidArgument");
        assertError(postJson("/totp/confirm", "{}"), 400, "InvalidArgument");
    }

    @Test
    void disableShouldAnswer400WhenTheBodyIsMalformed() {
        Response response = client().withToken(token).contentType("application/json").body("{\"code\":").delete("/totp");

        assertError(response, 400, "InvalidArgument");
        assertThat(client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).statusCode()).as("TOTP still enabled").isEqualTo(409);
    }

    @Test
    void signInShouldAnswer401WhenTheBasicHeaderIsMalformed() {
        for (String header : List.of("Basic", "Basic !!!", "Basic bm9jb2xvbg==", "Bearer abc", "Basic " + "QQ==".repeat(10))) {
            assertError(client().request().header("Authorization", header).post("/session"), 401, "Unauthorized");
        }
    }

    /** Two credentials are ambiguous (a proxy reading the last one would disagree with a server reading the first). */
    @Test
    void twoAuthorizationHeadersShouldBeRefusedWhateverTheirOrder() throws Exception {
        String unknownToken = "Authorization: Bearer " + "A".repeat(43);
        String sessionToken = "Authorization: Bearer " + token;
        Map<String, List<String>> cases = Map.of("the session's token, then an unknown one", List.of(sessionToken, unknownToken),
            "an unknown token, then the session's", List.of(unknownToken, sessionToken),
            "the session's token twice", List.of(sessionToken, sessionToken));
        for (Map.Entry<String, List<String>> headers : cases.entrySet()) {
            RawHttp.Answer answer = RawHttp.send(james.ports().jmap, "GET", "/app-passwords-api/app-passwords", headers.getValue());
            assertThat(answer.status).as(headers.getKey()).isEqualTo(401);
            assertThat(answer.text).doesNotContain(user.appPassword.password().id().asString());
        }
        assertThat(RawHttp.send(james.ports().jmap, "GET", "/app-passwords-api/app-passwords", List.of(sessionToken)).status)
            .as("one header").isEqualTo(200);

        String withoutTotp = TotpUser.newUserName("twoheaders");
        james.data().addUser(withoutTotp, TotpUser.PRIMARY_PASSWORD);
        List<String> rightThenWrong = List.of(basic(withoutTotp, TotpUser.PRIMARY_PASSWORD), basic(withoutTotp, "Wrong-Passw0rd"), "Content-Length: 0");
        RawHttp.Answer signIn = RawHttp.send(james.ports().jmap, "POST", "/app-passwords-api/session", rightThenWrong);
        assertThat(signIn.status).as("a sign-in with two Basic headers").isEqualTo(401);
        assertThat(signIn.text).doesNotContain("\"token\"");
        assertThat(client().signIn(withoutTotp, TotpUser.PRIMARY_PASSWORD).statusCode()).as("one header").isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createShouldAnswer403WhenThePrimaryPasswordIsWrong() {
        assertError(client().createAppPassword(token, "Mail", "Wrong-Passw0rd"), 403, "Forbidden");
        assertError(client().createAppPassword(token, "Mail", user.appPassword.password().reveal()), 403, "Forbidden");
        assertError(client().createAppPassword(token, "Mail", ""), 403, "Forbidden");
        assertNothingCreated();
        // Three failures so far: a right password resets the count.
        Response created = client().createAppPassword(token, "Mail", TotpUser.PRIMARY_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(client().revoke(token, created.jsonPath().getString("id")).statusCode()).isEqualTo(204);
    }

    @Test
    void signInShouldAnswer429AfterRepeatedFailures() throws Exception {
        String victim = TotpUser.newUserName("throttled");
        james.data().addUser(victim, TotpUser.PRIMARY_PASSWORD);
        // The shared throttle's defaults: 5 failures lock this address out of the account for a minute.
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client().signIn(victim, "Wrong-Passw0rd-" + attempt).statusCode()).as("attempt " + attempt).isEqualTo(401);
        }

        Response locked = client().signIn(victim, TotpUser.PRIMARY_PASSWORD);

        assertError(locked, 429, "TooManyRequests");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 61);
        // Counted with the protocols: IMAP from the same address is refused too, even with the right password.
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), victim, TotpUser.PRIMARY_PASSWORD)).isFalse();
        // Per user: another name is not locked.
        String other = TotpUser.newUserName("free");
        james.data().addUser(other, TotpUser.PRIMARY_PASSWORD);
        assertThat(client().signIn(other, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(200);
    }
}
