package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.james.core.Username;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * {@code /users/{user}/second-factor} on James WebAdmin, behind JWT: an admin sees whether TOTP is
 * on and resets it when a user lost their phone. A reset fails the very next {@code primary$CODE}
 * login, ends the user's self-service sessions and keeps their app passwords.
 */
class AdminSecondFactorRoutesTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults().withWebAdminJwt();

    static String path(String user) {
        return "/users/" + user + "/second-factor";
    }

    static String openSession(String user) {
        String digest = UUID.randomUUID().toString();
        james.appPasswords().openSelfServiceSession(Username.of(user), digest);
        return digest;
    }

    @Test
    void showShouldTellThatTotpIsOnSinceWhenAndHowManyRecoveryCodesAreLeft() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        TotpUser user = TotpUser.create(james, "show");

        JsonPath answer = james.webAdmin().get(path(user.name))
            .then().statusCode(200).contentType("application/json")
            .extract().jsonPath();

        assertThat(answer.getBoolean("totpEnabled")).isTrue();
        assertThat(Instant.parse(answer.getString("enabledAt"))).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(answer.getInt("recoveryCodesLeft")).isEqualTo(10);
        assertThat(answer.getMap("")).containsOnlyKeys("totpEnabled", "enabledAt", "recoveryCodesLeft");
    }

    @Test
    void showShouldCountARecoveryCodeUsedToLogIn() throws Exception {
        TotpUser user = TotpUser.create(james, "used");
        String presented = user.primaryWithCode(user.recoveryCodes.get(0).reveal());
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, presented)).isTrue();

        james.webAdmin().get(path(user.name)).then().statusCode(200).body("recoveryCodesLeft", equalTo(9));
    }

    @Test
    void showShouldTellThatTotpIsOffForAUserWithoutIt() throws Exception {
        String name = TotpUser.newUserName("off");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);

        james.webAdmin().get(path(name)).then().statusCode(200)
            .body("totpEnabled", equalTo(false))
            .body("enabledAt", nullValue())
            .body("recoveryCodesLeft", equalTo(0));
    }

    @Test
    void showShouldContainNeitherTheSeedNorAnyRecoveryCode() throws Exception {
        TotpUser user = TotpUser.create(james, "secret");

        String body = james.webAdmin().get(path(user.name)).then().statusCode(200).extract().asString();

        AdminAppPasswordsRoutesTest.assertNoEightCharacterWindow(body.toUpperCase(), user.secret.revealBase32());
        for (RecoveryCode code : user.recoveryCodes) {
            assertThat(body).doesNotContain(code.reveal()).doesNotContain(code.revealForDisplay());
        }
    }

    @Test
    void resetShouldRefuseTheNextCodeAndRecoveryCodeAndKeepTheAppPasswords() throws Exception {
        TotpUser user = TotpUser.create(james, "reset");

        james.webAdmin().delete(path(user.name)).then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.primaryWithCurrentCode())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.primaryWithCode(user.recoveryCodes.get(1).reveal())))
            .isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isTrue();
        james.webAdmin().get(path(user.name)).then().statusCode(200)
            .body("totpEnabled", equalTo(false)).body("recoveryCodesLeft", equalTo(0));
    }

    @Test
    void resetShouldEndTheUsersSelfServiceSessionsAndPendingEnrolmentOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "sessions");
        TotpUser other = TotpUser.create(james, "bystander");
        String first = openSession(user.name);
        String second = openSession(user.name);
        String othersSession = openSession(other.name);
        TotpSecret pending = TotpSecret.generate(new SecureRandom());
        SecretLeakDetector.register(pending.revealBase32());
        james.appPasswords().startTotpEnrolment(Username.of(user.name), pending);

        james.webAdmin().delete(path(user.name)).then().statusCode(204);

        assertThat(james.appPasswords().selfServiceSessionIsValid(first)).isFalse();
        assertThat(james.appPasswords().selfServiceSessionIsValid(second)).isFalse();
        assertThat(james.appPasswords().hasPendingTotpEnrolment(Username.of(user.name))).isFalse();
        assertThat(james.appPasswords().selfServiceSessionIsValid(othersSession)).isTrue();
        assertThat(james.appPasswords().totpEnabled(Username.of(other.name))).isTrue();
    }

    @Test
    void resetShouldEndSessionsEvenWhenTotpWasOff() throws Exception {
        String name = TotpUser.newUserName("nototp");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);
        String session = openSession(name);

        james.webAdmin().delete(path(name)).then().statusCode(204);

        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isFalse();
    }

    @Test
    void aUserUnknownToJamesWhoStillHasTotpCanBeInspectedAndReset() throws Exception {
        String name = TotpUser.newUserName("leftover");
        TotpUser.enrol(james, name);

        james.webAdmin().get(path(name)).then().statusCode(200).body("totpEnabled", equalTo(true));
        james.webAdmin().delete(AdminAppPasswordsRoutesTest.path(name)).then().statusCode(204);
        james.webAdmin().delete(path(name)).then().statusCode(204);

        AdminAppPasswordsRoutesTest.assertNotFound(james.webAdmin().get(path(name)).then().statusCode(404).extract().jsonPath());
    }

    @Test
    void routesShouldAnswer404ForAnUnknownUserHoldingNothing() throws Exception {
        String name = TotpUser.newUserName("nobody");

        AdminAppPasswordsRoutesTest.assertNotFound(james.webAdmin().get(path(name)).then().statusCode(404).extract().jsonPath());
        AdminAppPasswordsRoutesTest.assertNotFound(james.webAdmin().delete(path(name)).then().statusCode(404).extract().jsonPath());
    }

    @Test
    void routesShouldAnswer400ForAMalformedOrOverlongUsername() throws Exception {
        for (String name : List.of("%20", "a@b@" + JamesWithAppPasswords.DOMAIN, "x".repeat(256))) {
            james.webAdmin().get(path(name)).then().statusCode(400).body("type", equalTo("InvalidArgument"));
            james.webAdmin().delete(path(name)).then().statusCode(400).body("statusCode", equalTo(400));
        }
    }

    @Test
    void adminsCannotEnrolOrReplaceASecondFactor() throws Exception {
        TotpUser user = TotpUser.create(james, "enrol");

        for (String method : List.of("POST", "PUT", "PATCH")) {
            james.webAdmin().request(method, path(user.name))
                .then().statusCode(405).header("Allow", "GET, DELETE")
                .body("statusCode", equalTo(405)).body("message", containsString("self-service"));
        }
        assertThat(james.appPasswords().totpEnabled(Username.of(user.name))).isTrue();
    }

    @Test
    void routesShouldAnswer401WithoutAnAdminToken() throws Exception {
        TotpUser user = TotpUser.create(james, "anonymous");
        String session = openSession(user.name);

        james.anonymousWebAdmin().get(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().delete(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().header("Authorization", "Bearer " + james.webAdminJwt().nonAdminToken())
            .delete(path(user.name)).then().statusCode(401);
        james.anonymousWebAdmin().header("Authorization", "Bearer " + WebAdminJwt.tokenSignedByAnotherKey())
            .delete(path(user.name)).then().statusCode(401);

        assertThat(james.appPasswords().totpEnabled(Username.of(user.name))).isTrue();
        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isTrue();
    }
}
