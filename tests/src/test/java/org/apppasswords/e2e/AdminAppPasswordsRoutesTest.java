package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordFormat;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * {@code /users/{user}/app-passwords} on James WebAdmin, behind JWT: an admin lists and revokes a
 * user's app passwords, and every revocation fails the very next IMAP login. Unknown users and ids
 * get a 404 and malformed ones a 400, in James's error shape. Hostile paths, methods and tokens:
 * {@link AdminRoutesHostileRequestsTest}.
 */
class AdminAppPasswordsRoutesTest {
    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults().withWebAdminJwt();

    static String path(String user) {
        return "/users/" + user + "/app-passwords";
    }

    static String path(String user, CreatedAppPassword appPassword) {
        return path(user) + "/" + appPassword.password().id().asString();
    }

    boolean imapLogin(TotpUser user, CreatedAppPassword appPassword) throws Exception {
        return Protocol.IMAP_LOGIN.login(james.ports(), user.name, appPassword.password().reveal());
    }

    @Test
    void listShouldShowEachAppPasswordWithIdLabelAndCreationTime() throws Exception {
        TotpUser user = TotpUser.create(james, "list");

        JsonPath answer = james.webAdmin().get(path(user.name))
            .then().statusCode(200).contentType("application/json")
            .extract().jsonPath();

        assertThat(answer.getList("id")).containsExactly(user.appPassword.password().id().asString(),
            user.secondAppPassword.password().id().asString());
        assertThat(answer.getList("label")).containsExactly("Thunderbird", "iPhone Mail");
        assertThat(Instant.parse(answer.getString("[0].createdAt"))).isEqualTo(user.appPassword.entry().createdAt());
        assertThat(answer.getList("lastUsedAt")).containsExactly(null, null);
        assertThat(answer.getMap("[0]")).containsOnlyKeys("id", "label", "createdAt", "lastUsedAt", "lastUsedProtocol", "lastUsedAddress", "protocols", "expired", "liveConnections");
    }

    @Test
    void listShouldShowTheLastUseAfterALogin() throws Exception {
        TotpUser user = TotpUser.create(james, "lastuse");
        Instant before = Instant.now().minusSeconds(1);
        assertThat(imapLogin(user, user.appPassword)).isTrue();
        james.appPasswords().flushLastUses();

        JsonPath answer = james.webAdmin().get(path(user.name)).then().statusCode(200).extract().jsonPath();

        assertThat(Instant.parse(answer.getString("[0].lastUsedAt"))).isAfter(before);
        assertThat(answer.getString("[1].lastUsedAt")).isNull();
    }

    @Test
    void listShouldContainNeitherTheSecretPartOfAnyAppPasswordNorAnyPartOfTheStoredHash() throws Exception {
        TotpUser user = TotpUser.create(james, "leak");
        List<String> hashes = james.appPasswords().storedHashes(Username.of(user.name));

        String body = james.webAdmin().get(path(user.name)).then().statusCode(200).extract().asString();

        for (CreatedAppPassword created : List.of(user.appPassword, user.secondAppPassword)) {
            String token = created.password().reveal();
            int secretStart = AppPasswordFormat.PREFIX.length() + AppPasswordId.LENGTH;
            String secret = token.substring(secretStart, secretStart + AppPasswordFormat.SECRET_LENGTH);
            assertThat(body).doesNotContain(token).doesNotContain(created.password().revealForDisplay());
            assertNoEightCharacterWindow(body, secret);
        }
        assertThat(hashes).hasSize(2);
        for (String hash : hashes) {
            for (String part : hash.split("\\$")) {
                if (part.length() >= 8) {
                    assertNoEightCharacterWindow(body, part);
                }
            }
        }
    }

    static void assertNoEightCharacterWindow(String body, String secret) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            assertThat(body).doesNotContain(secret.substring(i, i + 8));
        }
    }

    @Test
    void listShouldAnswerAnEmptyArrayForAKnownUserWithoutAppPasswords() throws Exception {
        String name = TotpUser.newUserName("empty");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);

        james.webAdmin().get(path(name)).then().statusCode(200).body(equalTo("[]"));
    }

    @Test
    void revokeShouldEndThatAppPasswordAtTheNextLoginAndKeepTheOther() throws Exception {
        TotpUser user = TotpUser.create(james, "revoke");

        james.webAdmin().delete(path(user.name, user.appPassword)).then().statusCode(204);

        assertThat(imapLogin(user, user.appPassword)).isFalse();
        assertThat(imapLogin(user, user.secondAppPassword)).isTrue();
        assertThat(james.webAdmin().get(path(user.name)).then().statusCode(200).extract().jsonPath().getList("id"))
            .containsExactly(user.secondAppPassword.password().id().asString());
    }

    @Test
    void revokeAllShouldEndEveryAppPasswordAtTheNextLoginAndKeepTotp() throws Exception {
        TotpUser user = TotpUser.create(james, "revokeall");

        james.webAdmin().delete(path(user.name)).then().statusCode(204);

        assertThat(imapLogin(user, user.appPassword)).isFalse();
        assertThat(imapLogin(user, user.secondAppPassword)).isFalse();
        james.webAdmin().get(path(user.name)).then().statusCode(200).body(equalTo("[]"));
        assertThat(james.appPasswords().totpEnabled(Username.of(user.name))).isTrue();
    }

    @Test
    void revokeAllShouldAnswer204ForAKnownUserWithoutAppPasswords() throws Exception {
        String name = TotpUser.newUserName("none");
        james.data().addUser(name, TotpUser.PRIMARY_PASSWORD);

        james.webAdmin().delete(path(name)).then().statusCode(204);
    }

    @Test
    void aUserUnknownToJamesWhoStillHoldsAppPasswordsCanBeListedAndRevoked() throws Exception {
        String name = TotpUser.newUserName("gone");
        CreatedAppPassword leftover = TotpUser.mint(james, Username.of(name), "Old phone");

        james.webAdmin().get(path(name)).then().statusCode(200).body("id", equalTo(List.of(leftover.password().id().asString())));
        james.webAdmin().delete(path(name) + "/" + leftover.password().id().asString()).then().statusCode(204);

        assertNotFound(james.webAdmin().get(path(name)).then().statusCode(404).extract().jsonPath());
    }

    /**
     * The user left the directory (LDAP) and the admin revokes what is left: there is nobody to tell.
     * A notice to a name James does not know would go to James's repository of mail it does not relay.
     */
    @Test
    void revokingWhatAUserUnknownToJamesLeftShouldMailNothing() throws Exception {
        String name = TotpUser.newUserName("gone-mail");
        CreatedAppPassword leftover = TotpUser.mint(james, Username.of(name), "Old phone");

        james.webAdmin().delete(path(name) + "/" + leftover.password().id().asString()).then().statusCode(204);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mailsNotRelayed().isEmpty());
    }

    /** The mails of the demo configuration's repository of mail for no local user ({@code transport} processor). */
    private static List<String> mailsNotRelayed() {
        Response mails = james.webAdmin().urlEncodingEnabled(false).get("/mailRepositories/var%2Fmail%2Fnot-relayed/mails");
        return mails.then().statusCode(200).extract().jsonPath().getList("");
    }

    @Test
    void routesShouldAnswer404InJamesErrorShapeForAnUnknownUserHoldingNothing() throws Exception {
        String name = TotpUser.newUserName("unknown");

        assertNotFound(james.webAdmin().get(path(name)).then().statusCode(404).extract().jsonPath());
        assertNotFound(james.webAdmin().delete(path(name)).then().statusCode(404).extract().jsonPath());
        assertNotFound(james.webAdmin().delete(path(name) + "/abcde").then().statusCode(404).extract().jsonPath());
    }

    static void assertNotFound(JsonPath error) {
        assertThat(error.getInt("statusCode")).isEqualTo(404);
        assertThat(error.getString("type")).isEqualTo("notFound");
        assertThat(error.getString("message")).isNotBlank();
    }

    @Test
    void revokeShouldAnswer404ForAnIdTheUserDoesNotHold() throws Exception {
        TotpUser user = TotpUser.create(james, "noid");
        String unused = "zzzzz".equals(user.appPassword.password().id().asString()) ? "yyyyy" : "zzzzz";

        JsonPath error = james.webAdmin().delete(path(user.name) + "/" + unused).then().statusCode(404).extract().jsonPath();

        assertNotFound(error);
        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void revokeShouldAnswer404ForAnotherUsersIdAndLeaveItWorking() throws Exception {
        TotpUser alice = TotpUser.create(james, "alice");
        TotpUser bob = TotpUser.create(james, "bob");

        james.webAdmin().delete(path(alice.name, bob.appPassword)).then().statusCode(404);

        assertThat(imapLogin(bob, bob.appPassword)).isTrue();
    }

    @Test
    void revokeShouldAnswer400WithoutEchoingAMalformedId() throws Exception {
        TotpUser user = TotpUser.create(james, "badid");
        // Shaped like a pasted token, but never minted: James logs request paths, so a real one would land in its log.
        String pasted = "japabcde" + "x".repeat(AppPasswordFormat.SECRET_LENGTH) + "qqqqqq";
        for (String id : List.of("ABCDE", "abcd", "abcdef", "ab-de", "abcd%20", "a%2Ebc", "%2E%2E", ".", pasted, "a".repeat(2000))) {
            james.webAdmin().delete(path(user.name) + "/" + id)
                .then().statusCode(400)
                .body("statusCode", equalTo(400))
                .body("type", equalTo("InvalidArgument"))
                .body(not(containsString(pasted)));
        }
        assertThat(imapLogin(user, user.appPassword)).isTrue();
    }

    @Test
    void routesShouldAnswer400ForAnOverlongUsername() throws Exception {
        String name = "a".repeat(300) + "@" + JamesWithAppPasswords.DOMAIN;

        james.webAdmin().get(path(name)).then().statusCode(400).body("type", equalTo("InvalidArgument"));
        james.webAdmin().delete(path(name)).then().statusCode(400).body("type", equalTo("InvalidArgument"));
        james.webAdmin().delete(path(name) + "/abcde").then().statusCode(400).body("type", equalTo("InvalidArgument"));
    }

    @Test
    void routesShouldAnswer400ForAMalformedUsername() throws Exception {
        for (String name : List.of("%20", "a@b@" + JamesWithAppPasswords.DOMAIN, "@" + JamesWithAppPasswords.DOMAIN)) {
            james.webAdmin().get(path(name)).then().statusCode(400)
                .body("statusCode", equalTo(400)).body("type", equalTo("InvalidArgument"));
        }
    }
}
