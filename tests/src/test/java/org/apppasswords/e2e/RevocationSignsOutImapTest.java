package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;

/**
 * A revocation signs the device out: an IMAP connection in IDLE receives {@code * BYE} and is
 * closed within seconds, when an admin or the user revokes the app password that opened it, when
 * all of them are revoked, when the primary password changes, the second factor is reset or the
 * user removed; and only the connections of what was revoked end.
 */
class RevocationSignsOutImapTest {
    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(5);
    private static final String NEW_PASSWORD = "Changed-Passw0rd-2";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    static {
        SecretLeakDetector.register(NEW_PASSWORD);
    }

    @Test
    void anAdminRevokingAnAppPasswordShouldSignOutItsConnectionsOnly() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-admin");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient otherPhone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient laptop = IdlingImapClient.login(james.ports(), user.name, user.secondAppPassword.password().reveal())) {
            james.webAdmin().delete("/users/" + user.name + "/app-passwords/" + user.appPassword.password().id().asString())
                .then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(otherPhone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(laptop.stillAnswers()).isTrue();
        }
    }

    @Test
    void theUserRevokingAnAppPasswordShouldSignOutItsConnection() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-user");
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCurrentCode());
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal())) {
            client.revoke(token, user.appPassword.password().id().asString()).then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    @Test
    void revokingAllAppPasswordsShouldSignOutEveryConnectionOfTheUserAndNoOneElse() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-all");
        TotpUser someoneElse = TotpUser.create(james, "signout-other");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient laptop = IdlingImapClient.login(james.ports(), user.name, user.secondAppPassword.password().reveal());
             IdlingImapClient theirs = IdlingImapClient.login(james.ports(), someoneElse.name, someoneElse.appPassword.password().reveal())) {
            james.webAdmin().delete("/users/" + user.name + "/app-passwords").then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(laptop.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(theirs.stillAnswers()).isTrue();
        }
    }

    @Test
    void aPrimaryPasswordChangeShouldSignOutTheConnectionsOfTheOldPasswordAndOfTheAppPasswords() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-password");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient webmail = IdlingImapClient.login(james.ports(), user.name, user.primaryWithCurrentCode())) {
            james.webAdmin().contentType("application/json").body(Map.of("password", NEW_PASSWORD))
                .put("/users/" + user.name + "?force").then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(webmail.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    @Test
    void aSecondFactorResetShouldSignOutEveryConnectionOfTheUser() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-reset");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient webmail = IdlingImapClient.login(james.ports(), user.name, user.primaryWithCurrentCode())) {
            james.webAdmin().delete("/users/" + user.name + "/second-factor").then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(webmail.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    @Test
    void removingTheUserShouldSignOutEveryConnectionOfTheUser() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-removed");
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal())) {
            james.webAdmin().delete("/users/" + user.name).then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
        }
    }

    @Test
    void aConnectionLoggedInAfterTheRevocationShouldStayOpen() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-after");
        james.webAdmin().delete("/users/" + user.name + "/app-passwords").then().statusCode(204);
        CreatedAppPassword newPhone = TotpUser.mint(james, Username.of(user.name), "New phone");

        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, newPhone.password().reveal())) {
            // Past several reads of the notices, the revoke-all among them: the connection stays noted, and open.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> james.webAdmin().get("/users/" + user.name + "/connections").jsonPath().getList("$").size() == 1);
            assertThat(phone.stillAnswers()).isTrue();
        }
    }

    @Test
    void anAdminShouldSeeTheUsersLiveConnectionsAndEndThemAll() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-list");
        String path = "/users/" + user.name + "/connections";
        james.webAdmin().get(path).then().statusCode(200).body(equalTo("[]"));
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient webmail = IdlingImapClient.login(james.ports(), user.name, user.primaryWithCurrentCode())) {
            JsonPath listed = james.webAdmin().get(path).then().statusCode(200).extract().jsonPath();

            assertThat(listed.getList("protocol")).containsExactly("IMAP", "IMAP");
            assertThat(listed.getList("address")).containsExactly("127.0.0.1", "127.0.0.1");
            assertThat(listed.getList("appPasswordId")).containsExactly(user.appPassword.password().id().asString(), null);
            assertThat(listed.getList("label")).containsExactly("Thunderbird", null);
            assertThat(listed.getList("node")).doesNotContainNull();
            assertThat(listed.getList("since", String.class)).allSatisfy(since -> assertThat(Instant.parse(since)).isBefore(Instant.now()));

            james.webAdmin().delete(path).then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
            assertThat(webmail.signedOutWithin()).isLessThan(SIGN_OUT_WITHIN);
        }
        assertThat(james.appPasswords().listAppPasswords(Username.of(user.name))).as("nothing revoked").hasSize(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> james.webAdmin().get(path).then().statusCode(200).body(equalTo("[]")));
    }

    @Test
    void theListsOfAppPasswordsShouldCountTheirLiveConnections() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-count");
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCurrentCode());
        try (IdlingImapClient phone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
             IdlingImapClient otherPhone = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal())) {
            JsonPath admins = james.webAdmin().get("/users/" + user.name + "/app-passwords").then().statusCode(200).extract().jsonPath();
            JsonPath users = client.listAppPasswords(token).then().statusCode(200).extract().jsonPath();

            for (JsonPath list : List.of(admins, users)) {
                assertThat(list.getList("label")).containsExactly("Thunderbird", "iPhone Mail");
                assertThat(list.getList("liveConnections")).containsExactly(2, 0);
            }
        }
    }

    @Test
    void theConnectionsOfAnUnknownUserShouldBeNotFound() {
        james.webAdmin().get("/users/nobody-here@" + JamesWithAppPasswords.DOMAIN + "/connections").then().statusCode(404);
        james.webAdmin().post("/users/nobody-here@" + JamesWithAppPasswords.DOMAIN + "/connections").then().statusCode(405);
    }

    @Test
    void whatLoggedAConnectionInShouldBeForgottenWhenItCloses() throws Exception {
        TotpUser user = TotpUser.create(james, "signout-forget");
        await().atMost(Duration.ofSeconds(10)).until(() -> james.appPasswords().signedInConnections() == 0);

        IdlingImapClient dropped = IdlingImapClient.login(james.ports(), user.name, user.appPassword.password().reveal());
        IdlingImapClient loggedOut = IdlingImapClient.login(james.ports(), user.name, user.secondAppPassword.password().reveal());
        IdlingImapClient primary = IdlingImapClient.login(james.ports(), user.name, user.primaryWithCurrentCode());
        assertThat(james.appPasswords().signedInConnections()).isEqualTo(3);
        dropped.close();
        loggedOut.logOut();
        primary.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> james.appPasswords().signedInConnections() == 0);
    }
}
