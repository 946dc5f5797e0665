package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.specification.RequestSpecification;

/**
 * Login rule 6: James 3.8.1's draft-JMAP {@code /authentication} grants a 15-minute access token
 * that nothing re-checks. The launcher lets only the bare primary password of a user without TOTP
 * obtain one, so no token can outlive the revocation of an app password or a second-factor reset.
 */
class DraftJmapAuthenticationTest {
    private static final int CREATED = 201;
    private static final int UNAUTHORIZED = 401;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    @Test
    void appPasswordShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, user.appPassword.password().reveal())).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void appPasswordOfUserWithoutTotpShouldNotObtainAnAccessToken() throws Exception {
        String user = TotpUser.newUserName("draft");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String appPassword = TotpUser.mint(james, Username.of(user), "draft client").password().reveal();

        assertThat(accessTokenStatus(user, appPassword)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void primaryPasswordWithCodeShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, user.primaryWithCurrentCode())).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void primaryPasswordAloneOfTotpUserShouldNotObtainAnAccessToken() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");

        assertThat(accessTokenStatus(user.name, TotpUser.PRIMARY_PASSWORD)).isEqualTo(UNAUTHORIZED);
    }

    @Test
    void primaryPasswordOfUserWithoutTotpShouldStillObtainAnAccessToken() throws Exception {
        String user = TotpUser.newUserName("draft");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);

        assertThat(accessTokenStatus(user, TotpUser.PRIMARY_PASSWORD)).isEqualTo(CREATED);
    }

    @Test
    void refusedCodeShouldNotBeSpent() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");
        String withCode = user.primaryWithCurrentCode();

        assertThat(accessTokenStatus(user.name, withCode)).isEqualTo(UNAUTHORIZED);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, withCode)).isTrue();
    }

    @Test
    void refusedRecoveryCodeShouldNotBeSpent() throws Exception {
        TotpUser user = TotpUser.create(james, "draft");
        String withRecoveryCode = user.primaryWithCode(user.recoveryCodes.get(0).reveal());

        assertThat(accessTokenStatus(user.name, withRecoveryCode)).isEqualTo(UNAUTHORIZED);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, withRecoveryCode)).isTrue();
    }

    /** The two steps of the draft protocol: a continuation token for the user, then the password. */
    private int accessTokenStatus(String user, String password) {
        String continuationToken = draftRequest()
            .body(Map.of("username", user, "clientName", "test", "clientVersion", "1", "deviceName", "junit"))
            .post("/authentication")
        .then()
            .statusCode(200)
            .extract().path("continuationToken");

        return draftRequest()
            .body(Map.of("token", continuationToken, "method", "password", "password", password))
            .post("/authentication")
        .then()
            .extract().statusCode();
    }

    private RequestSpecification draftRequest() {
        return given()
            .baseUri("http://" + Protocol.LOOPBACK).port(james.ports().jmap)
            .header("Content-Type", "application/json; charset=UTF-8")
            .accept("application/json")
        .when();
    }
}
