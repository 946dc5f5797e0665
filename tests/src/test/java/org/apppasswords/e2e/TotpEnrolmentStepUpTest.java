package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A session token alone never takes the second factor: {@code POST /app-passwords-api/totp} starts
 * an enrolment only with the primary password again in the body ({@code {"password": "..."}}),
 * like creating an app password. Without it the answer is 400 naming the field (or 403), with a
 * wrong one 403; neither shows a secret nor leaves a pending enrolment. The tokens here belong to
 * users without TOTP, signed in with the primary password alone.
 */
class TotpEnrolmentStepUpTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private final SelfServiceClient client = new SelfServiceClient(james.ports());

    private String user;
    private String token;

    private void signInAsANewUser() throws Exception {
        user = TotpUser.newUserName("stepup");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        token = client.token(user, TotpUser.PRIMARY_PASSWORD);
    }

    /** {@code POST /totp} as {@code body} says; whatever secret a 200 carries is known to the leak detector. */
    private Response startEnrolment(Function<RequestSpecification, RequestSpecification> body) {
        return SecretLeakDetector.whileMinting(() -> body.apply(client.withToken(token)).post("/totp"), response -> {
            if (response.statusCode() != 200) {
                return List.of();
            }
            JsonPath json = response.jsonPath();
            return List.of(json.getString("secret"), json.getString("otpauthUri"), json.getString("qrCodePng"));
        });
    }

    private void assertRefusedWithoutThePassword(Response refused) {
        assertThat(refused.statusCode()).as("status of POST /totp without the primary password").isIn(400, 403);
        if (refused.statusCode() == 400) {
            assertThat(refused.jsonPath().getString("message")).as("the 400 names the missing field").contains("password");
        }
        assertNothingStarted(refused);
    }

    private void assertNothingStarted(Response refused) {
        assertThat(refused.asString()).doesNotContain("secret").doesNotContain("otpauth");
        assertThat(james.appPasswords().hasPendingTotpEnrolment(Username.of(user))).as("a pending enrolment").isFalse();
    }

    @Test
    void enrolmentWithoutABodyShouldBeRefused() throws Exception {
        signInAsANewUser();

        assertRefusedWithoutThePassword(startEnrolment(request -> request));
    }

    @Test
    void enrolmentWithoutThePasswordFieldShouldBeRefused() throws Exception {
        signInAsANewUser();

        assertRefusedWithoutThePassword(startEnrolment(request -> request.contentType("application/json").body(Map.of())));
    }

    @Test
    void enrolmentWithAWrongPasswordShouldBeForbidden() throws Exception {
        signInAsANewUser();
        SecretLeakDetector.register("Wrong-Passw0rd");

        Response refused = startEnrolment(request -> request.contentType("application/json").body(Map.of("password", "Wrong-Passw0rd")));

        assertThat(refused.statusCode()).as("status of POST /totp with a wrong primary password").isEqualTo(403);
        assertNothingStarted(refused);
    }

    @Test
    void enrolmentWithTheRightPasswordShouldStart() throws Exception {
        signInAsANewUser();

        Response started = startEnrolment(request -> request.contentType("application/json").body(Map.of("password", TotpUser.PRIMARY_PASSWORD)));

        assertThat(started.statusCode()).isEqualTo(200);
        JsonPath enrolment = started.jsonPath();
        assertThat(enrolment.getString("secret")).matches("[A-Z2-7]{32}");
        assertThat(enrolment.getString("otpauthUri")).startsWith("otpauth://totp/");
        assertThat(enrolment.getString("qrCodePng")).isNotBlank();
    }
}
