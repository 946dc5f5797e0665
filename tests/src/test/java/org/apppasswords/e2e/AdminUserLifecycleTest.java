package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * James's own user routes, behind JWT, keep our secrets and self-service sessions in step with the
 * user's life (default {@code onPrimaryPasswordChange=revoke-all}): a rename moves app passwords
 * and TOTP to the new name, a password change and a removal end everything they should, and each
 * takes effect at the very next IMAP login.
 */
class AdminUserLifecycleTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults().withWebAdminJwt();

    static String openSession(String user) {
        String digest = UUID.randomUUID().toString();
        james.appPasswords().openSelfServiceSession(Username.of(user), digest);
        return digest;
    }

    void rename(String from, String to) {
        String taskId = james.webAdmin().post("/users/" + from + "/rename/" + to + "?action=rename")
            .then().statusCode(201).extract().jsonPath().getString("taskId");
        james.webAdmin().get("/tasks/" + taskId + "/await")
            .then().statusCode(200).body("status", equalTo("completed"))
            .body("additionalInformation.status.AppPasswordsUsernameChangeTaskStep", equalTo("DONE"));
    }

    @Test
    void renameShouldMoveAppPasswordsAndCopyTotpToTheNewName() throws Exception {
        TotpUser user = TotpUser.create(james, "before");
        String newName = TotpUser.newUserName("after");
        james.data().addUser(newName, TotpUser.PRIMARY_PASSWORD);

        rename(user.name, newName);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), newName, user.appPassword.password().reveal())).isTrue();
        assertThat(Protocol.POP3.login(james.ports(), newName, user.secondAppPassword.password().reveal())).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), newName, TotpUser.PRIMARY_PASSWORD)).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), newName, user.primaryWithCurrentCode())).isTrue();
        james.webAdmin().get("/users/" + newName + "/second-factor").then().statusCode(200).body("totpEnabled", equalTo(true));
        // James 3.8.1 keeps the old user: its second factor stays, so its bare password stays refused.
        james.webAdmin().get("/users/" + user.name + "/second-factor").then().statusCode(200).body("totpEnabled", equalTo(true));
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, TotpUser.PRIMARY_PASSWORD)).isFalse();
        james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).body(equalTo("[]"));
    }

    @Test
    void renameShouldEndTheOldNamesSelfServiceSessions() throws Exception {
        TotpUser user = TotpUser.create(james, "oldname");
        String session = openSession(user.name);
        String newName = TotpUser.newUserName("newname");
        james.data().addUser(newName, TotpUser.PRIMARY_PASSWORD);

        rename(user.name, newName);

        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isFalse();
    }

    @Test
    void primaryPasswordChangeShouldRevokeAppPasswordsAndEndSelfServiceSessions() throws Exception {
        TotpUser user = TotpUser.create(james, "change");
        String session = openSession(user.name);

        james.webAdmin().contentType("application/json").body(Map.of("password", "Changed-Passw0rd"))
            .put("/users/" + user.name + "?force").then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isFalse();
        james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).body(equalTo("[]"));
        james.webAdmin().get("/users/" + user.name + "/second-factor").then().statusCode(200).body("totpEnabled", equalTo(true));
    }

    @Test
    void deletingTheUserShouldRemoveEverySecretAndSession() throws Exception {
        TotpUser user = TotpUser.create(james, "deleted");
        String session = openSession(user.name);

        james.webAdmin().delete("/users/" + user.name).then().statusCode(204);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isFalse();
        assertThat(james.appPasswords().selfServiceSessionIsValid(session)).isFalse();
        james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(404);
        james.webAdmin().get("/users/" + user.name + "/second-factor").then().statusCode(404);
    }

    @Test
    void jamesOwnUserRoutesShouldAlsoAnswer401WithoutAToken() throws Exception {
        TotpUser user = TotpUser.create(james, "guarded");
        String newName = TotpUser.newUserName("guarded");
        james.data().addUser(newName, TotpUser.PRIMARY_PASSWORD);

        james.anonymousWebAdmin().post("/users/" + user.name + "/rename/" + newName + "?action=rename").then().statusCode(401);
        james.anonymousWebAdmin().delete("/users/" + user.name).then().statusCode(401);

        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, user.appPassword.password().reveal())).isTrue();
    }

    /** James's WebAdmin logs each request with its body: a password check must not put the password in the log. */
    @Test
    void aPasswordCheckThroughWebAdminShouldKeepThePasswordOutOfTheLog() throws Exception {
        String name = TotpUser.newUserName("verified");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);
        String checked = "Checked-" + UUID.randomUUID();
        SecretLeakDetector.register(checked);

        int status = james.webAdmin().contentType("application/json").body(Map.of("password", checked))
            .post("/users/" + name + "/verify").statusCode();

        assertThat(status).as("a wrong password checked").isNotEqualTo(204).isLessThan(500);
        assertThat(SecretLeakDetector.leaks()).doesNotContain("INFO org.apache.james.webadmin.mdc.LoggingRequestFilter");
    }

    /** The route answers other spellings of its path (a base URL ending in a slash, a stray slash): each must keep the password out too. */
    @ParameterizedTest
    @ValueSource(strings = {"//users/%s/verify", "/users//%s/verify", "/users/%s//verify", "/users/%s/verify/", "/users/%s/verify//",
        "///users/%s/verify", "/users/%s/%%76erify", "/%%75sers/%s/verify"})
    void aPasswordCheckAtAnotherSpellingOfItsPathShouldKeepThePasswordOutOfTheLog(String path) throws Exception {
        String name = TotpUser.newUserName("spelled");
        String password = "Spelled-" + UUID.randomUUID();
        SecretLeakDetector.register(password);
        james.data().addUser(name, password);

        RawHttp.Answer answer = RawHttp.send(james.ports().webAdmin, "POST", String.format(path, name),
            List.of("Authorization: Bearer " + james.webAdminJwt().adminToken()), "{\"password\":\"" + password + "\"}");

        assertThat(answer.status).as("answered by %s", path).isLessThan(500);
        assertThat(SecretLeakDetector.leaks()).as("answered %s", answer.status).doesNotContain("INFO org.apache.james.webadmin.mdc.LoggingRequestFilter");
    }
}
