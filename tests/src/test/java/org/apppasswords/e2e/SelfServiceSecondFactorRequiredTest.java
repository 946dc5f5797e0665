package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * {@code secondFactor.required=true} with a short {@code selfService.sessionTimeout}: users
 * without TOTP still sign in to the self-service API with the primary password alone (that is how
 * they enrol) while every protocol refuses it; TOTP cannot be disabled; sessions and pending
 * enrolments die on time.
 */
class SelfServiceSecondFactorRequiredTest {
    private static final long TIMEOUT_SECONDS = 4;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(
        "secondFactor.required=true\nselfService.sessionTimeout=PT" + TIMEOUT_SECONDS + "S\n");

    private static SelfServiceClient client() {
        return new SelfServiceClient(james.ports());
    }

    @Test
    void userWithoutTotpShouldSignInAndEnrolWithThePrimaryPasswordAlone() throws Exception {
        String user = TotpUser.newUserName("enrol");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isFalse();

        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String secret = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).then().statusCode(200).extract().jsonPath().getString("secret");
        assertThat(client().confirm(token, Oathtool.currentCode(secret)).statusCode()).isEqualTo(200);

        Response created = client().createAppPassword(token, "Mail", TotpUser.PRIMARY_PASSWORD);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, created.jsonPath().getString("password"))).isTrue();
        assertThat(client().signIn(user, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void disableShouldAnswer409WhenTheSecondFactorIsRequired() throws Exception {
        TotpUser user = TotpUser.create(james, "keep");
        String token = client().token(user.name, user.primaryWithCurrentCode());

        Response refused = client().disable(token, user.codeForStep(TotpUser.currentStep() + 1));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("message")).contains("secondFactor.required");
        assertThat(client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).statusCode()).as("TOTP still enabled").isEqualTo(409);
    }

    @Test
    void sessionShouldExpireAfterTheTimeout() throws Exception {
        TotpUser user = TotpUser.create(james, "expiry");
        Response signIn = client().signIn(user.name, user.primaryWithCurrentCode());
        String token = signIn.jsonPath().getString("token");
        assertThat(client().listAppPasswords(token).statusCode()).isEqualTo(200);

        // Asking does not extend a session: nothing does.
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS + 10)).until(() -> client().listAppPasswords(token).statusCode() == 401);

        Response expired = client().listAppPasswords(token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(client().signOut(token).statusCode()).isEqualTo(401);
    }

    @Test
    void pendingEnrolmentShouldExpireWithTheSessionTimeout() throws Exception {
        String user = TotpUser.newUserName("late");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String firstToken = client().token(user, TotpUser.PRIMARY_PASSWORD);
        String secret = client().startEnrolment(firstToken, TotpUser.PRIMARY_PASSWORD).then().statusCode(200).extract().jsonPath().getString("secret");

        // A wrong code shows whether the enrolment is still pending (403) or expired (409), and changes nothing.
        await().atMost(Duration.ofSeconds(TIMEOUT_SECONDS + 10))
            .until(() -> client().confirm(client().token(user, TotpUser.PRIMARY_PASSWORD), "000000").statusCode() == 409);
        String laterToken = client().token(user, TotpUser.PRIMARY_PASSWORD);
        Response refused = client().confirm(laterToken, Oathtool.currentCode(secret));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("message")).contains("expired");
        assertThat(client().startEnrolment(laterToken, TotpUser.PRIMARY_PASSWORD).statusCode()).as("TOTP still off").isEqualTo(200);
    }
}
