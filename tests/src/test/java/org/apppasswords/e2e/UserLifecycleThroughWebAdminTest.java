package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * James's own WebAdmin user routes keep our secrets in step with the user's life, by default
 * ({@code onPrimaryPasswordChange=revoke-all}): a primary password change revokes every app
 * password (Apple and Google do the same) and leaves TOTP on; a deleted user leaves nothing
 * behind for a later user of the same name.
 */
class UserLifecycleThroughWebAdminTest {
    static final String NEW_PRIMARY_PASSWORD = "Changed-Passw0rd";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    static void changePrimaryPassword(JamesWithAppPasswords james, String user, String password) {
        given()
            .baseUri("http://" + Protocol.LOOPBACK).port(james.ports().webAdmin)
            .contentType("application/json")
            .body(Map.of("password", password))
        .when()
            .put("/users/" + user + "?force")
        .then()
            .statusCode(204);
    }

    @Test
    void primaryPasswordChangeShouldRevokeEveryAppPassword() throws Exception {
        TotpUser user = TotpUser.create(james, "change");

        changePrimaryPassword(james, user.name, NEW_PRIMARY_PASSWORD);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.secondAppPassword.password().reveal())).isFalse();
    }

    @Test
    void primaryPasswordChangeShouldKeepTotpAndTheNewPasswordShouldWorkWithACode() throws Exception {
        TotpUser user = TotpUser.create(james, "change");

        changePrimaryPassword(james, user.name, NEW_PRIMARY_PASSWORD);

        String code = user.codeForStep(TotpUser.currentStep());
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, NEW_PRIMARY_PASSWORD)).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, TotpUser.PRIMARY_PASSWORD + "$" + code)).isFalse();
        assertThat(Protocol.MANAGESIEVE.login(james.ports(), user.name, NEW_PRIMARY_PASSWORD + "$" + code)).isTrue();
    }

    @Test
    void deletedUserShouldLeaveNoAppPasswordToAUserCreatedLaterWithTheSameName() throws Exception {
        TotpUser user = TotpUser.create(james, "reused");

        given().baseUri("http://" + Protocol.LOOPBACK).port(james.ports().webAdmin)
            .delete("/users/" + user.name)
        .then()
            .statusCode(204);
        james.data().addUser(user.name, TotpUser.PRIMARY_PASSWORD);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }
}
