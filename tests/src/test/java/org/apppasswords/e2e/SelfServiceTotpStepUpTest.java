package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * {@code POST /app-passwords-api/totp} asks for the primary password again
 * ({@code {"password": ...}}), so that a session token alone never takes the second factor: 400
 * naming the field without it, 403 (audited, and counted like any wrong primary password) when it
 * is wrong, 200 with a pending enrolment when it is right; 409 while TOTP is on comes first.
 */
class SelfServiceTotpStepUpTest {
    private static final String WRONG_PASSWORD = "Not-The-Primary-Passw0rd";

    static {
        SecretLeakDetector.register(WRONG_PASSWORD);
    }

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static SelfServiceClient client() {
        return new SelfServiceClient(james.ports());
    }

    /** A new user without TOTP: one who signs in with the primary password alone, and may enrol. */
    private static String userWithoutTotp(String prefix) throws Exception {
        String user = TotpUser.newUserName(prefix);
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        return user;
    }

    private static boolean pendingEnrolment(String user) {
        return james.appPasswords().hasPendingTotpEnrolment(Username.of(user));
    }

    @Test
    void startWithoutABodyShouldAnswer400NamingThePasswordField() throws Exception {
        String user = userWithoutTotp("nobody");
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        // What curl -X POST sends: no Content-Type, no Content-Length.
        RawHttp.Answer bare = RawHttp.send(james.ports().jmap, "POST", SelfServiceClient.BASE + "/totp", token);
        Response refused = client().withToken(token).post("/totp");

        assertThat(bare.status).isEqualTo(400);
        assertThat(bare.text).contains("\"type\":\"InvalidArgument\"").contains("Missing field 'password'").doesNotContain("secret");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("InvalidArgument");
        assertThat(refused.jsonPath().getString("message")).contains("'password'");
        assertThat(refused.asString()).doesNotContain("secret");
        assertThat(pendingEnrolment(user)).isFalse();
    }

    @Test
    void startWithAnObjectLackingThePasswordShouldAnswer400NamingIt() throws Exception {
        String user = userWithoutTotp("nofield");
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        Response refused = client().withToken(token).contentType("application/json").body("{}").post("/totp");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("message")).contains("'password'");
        assertThat(pendingEnrolment(user)).isFalse();
    }

    @Test
    void startWithAWrongPasswordShouldAnswer403AndBeAudited() throws Exception {
        String user = userWithoutTotp("wrongpassword");
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        Response refused;
        try (AuditCapture audit = new AuditCapture()) {
            refused = client().startEnrolment(token, WRONG_PASSWORD);

            assertThat(audit.lines("login-refused")).containsExactly("app-passwords-audit event=login-refused user=" + user
                + " address=127.0.0.1 protocol=SELF-SERVICE method=primary");
        }
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("Forbidden");
        assertThat(refused.jsonPath().getString("message")).contains("primary password");
        assertThat(refused.asString()).doesNotContain("secret").doesNotContain(WRONG_PASSWORD);
        assertThat(pendingEnrolment(user)).isFalse();
    }

    @Test
    void startWithAnAppPasswordShouldAnswer403() throws Exception {
        TotpUser holder = TotpUser.create(james, "apppasswordenrol");
        james.appPasswords().resetSecondFactor(Username.of(holder.name));
        String token = client().token(holder.name, TotpUser.PRIMARY_PASSWORD);

        Response refused = client().startEnrolment(token, holder.appPassword.password().reveal());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(pendingEnrolment(holder.name)).isFalse();
    }

    @Test
    void wrongPasswordsAtEnrolmentShouldCountLikeAnyWrongPrimaryPassword() throws Exception {
        String user = userWithoutTotp("guesser");
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        // The shared throttle's defaults: 5 different wrong passwords lock this address out of the account.
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(client().startEnrolment(token, WRONG_PASSWORD + attempt).statusCode()).as("attempt " + attempt).isEqualTo(403);
        }

        Response locked = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD);

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 61);
        assertThat(client().signIn(user, TotpUser.PRIMARY_PASSWORD).statusCode()).as("the sign-in shares the count").isEqualTo(429);
        assertThat(pendingEnrolment(user)).isFalse();
    }

    @Test
    void startWithTheRightPasswordShouldAnswer200WithAPendingEnrolment() throws Exception {
        String user = userWithoutTotp("rightpassword");
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        Response started = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD);

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.jsonPath().getString("secret")).matches("[A-Z2-7]{32}");
        assertThat(pendingEnrolment(user)).isTrue();
        assertThat(james.appPasswords().totpEnabled(Username.of(user))).as("only pending").isFalse();
    }

    @Test
    void startWhileTotpIsOnShouldAnswer409BeforeLookingAtThePassword() throws Exception {
        TotpUser user = TotpUser.create(james, "enabled");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        try (AuditCapture audit = new AuditCapture()) {
            assertThat(client().withToken(token).post("/totp").statusCode()).as("no body").isEqualTo(409);
            assertThat(client().startEnrolment(token, WRONG_PASSWORD).statusCode()).as("a wrong password").isEqualTo(409);
            assertThat(client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).statusCode()).as("the right one").isEqualTo(409);

            assertThat(audit.lines("login-refused")).as("no password was checked").isEmpty();
        }
    }
}
