package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.james.core.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * Each user's last sign-ins, successes and refusals on every protocol and on the self-service
 * page, listed newest first to the user ({@code GET /app-passwords-api/activity}) and to admins
 * ({@code GET /users/{user}/activity}), at most 50, of which at most 25 refusals.
 */
class SignInHistoryTest {
    private static final Duration WRITTEN = Duration.ofSeconds(10);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withManyRefusalsFromLoopback();

    @Test
    void signInsOfEveryKindShouldBeListedNewestFirstToTheUserAndToAdmins() throws Exception {
        TotpUser user = TotpUser.create(james, "history");
        String appPassword = user.appPassword.password().reveal();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, appPassword)).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user.name, appPassword)).as("the same minute: listed once").isTrue();
        assertThat(ImapFrom.login(james.ports(), "127.0.0.2", user.name, appPassword)).isTrue();
        assertThat(Protocol.POP3.login(james.ports(), user.name, "Wrong-Passw0rd-1")).isFalse();
        SelfServiceClient client = new SelfServiceClient(james.ports());
        String token = client.token(user.name, user.primaryWithCurrentCode());

        List<Map<String, Object>> listed = await().atMost(WRITTEN)
            .until(() -> adminList(user.name), signIns -> signIns.size() == 4);

        String id = user.appPassword.entry().id().asString();
        assertThat(listed.stream().map(SignInHistoryTest::withoutTime)).containsExactly(
            signIn("SELF-SERVICE", "127.0.0.1", "password+code", null, null, "success"),
            signIn("POP3", "127.0.0.1", "password", null, null, "refused"),
            signIn("IMAP", "127.0.0.2", "app-password", id, "Thunderbird", "success"),
            signIn("IMAP", "127.0.0.1", "app-password", id, "Thunderbird", "success"));
        Response own = client.withToken(token).get("/activity");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.jsonPath().<Map<String, Object>>getList("")).isEqualTo(listed);
        assertThat(SecretLeakDetector.containsSecret(own.asString())).isFalse();
    }

    @Test
    void theHistoryShouldKeepTheLatestRefusalsAfterASuccess() throws Exception {
        String user = TotpUser.newUserName("bounded");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String appPassword = TotpUser.mint(james, Username.of(user), "Scanner").password().reveal();
        for (int i = 0; i < 54; i++) {
            assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd-" + i)).isFalse();
        }
        Instant lastRefusalStarted = Instant.now();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd-54")).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isTrue();

        // The writer puts a success before the refusals queued with it: wait for the last refusal too.
        List<Map<String, Object>> listed = await().atMost(WRITTEN).until(() -> adminList(user), signIns -> signIns.size() > 1
            && "success".equals(signIns.get(0).get("outcome"))
            && !Instant.parse((String) signIns.get(1).get("at")).isBefore(lastRefusalStarted));
        assertThat(listed).hasSize(26);
        assertThat(listed.subList(1, 26)).allSatisfy(signIn -> assertThat(signIn.get("outcome")).isIn("refused", "locked"));
    }

    /** An intruder who signed in cannot hide it behind wrong passwords: refusals keep at most 25 of the 50 places. */
    @Test
    void noFloodOfRefusalsShouldPushASuccessOutOfTheList() throws Exception {
        String user = TotpUser.newUserName("hidden");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String appPassword = TotpUser.mint(james, Username.of(user), "Intruder").password().reveal();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, appPassword)).isTrue();
        await().atMost(WRITTEN).until(() -> adminList(user), signIns -> !signIns.isEmpty());
        for (int i = 0; i < 59; i++) {
            assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd-" + i)).isFalse();
        }
        Instant lastRefusalStarted = Instant.now();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd-59")).isFalse();

        // All 60 written (the newest listed is the last), so that what follows is the one refusal more.
        List<Map<String, Object>> listed = await().atMost(WRITTEN).until(() -> adminList(user), signIns -> signIns.size() == 26
            && !Instant.parse((String) signIns.get(0).get("at")).isBefore(lastRefusalStarted));
        assertThat(listed.subList(0, 25)).allSatisfy(signIn -> assertThat(signIn.get("outcome")).isIn("refused", "locked"));
        assertThat(listed.get(25)).containsEntry("outcome", "success").containsEntry("label", "Intruder");
        // Later refusals change nothing more: the success keeps its place.
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, "Wrong-Passw0rd-again")).isFalse();
        await().atMost(WRITTEN).until(() -> adminList(user), signIns -> signIns.size() == 26
            && signIns.get(25).get("outcome").equals("success") && !signIns.get(0).get("at").equals(listed.get(0).get("at")));
    }

    @Test
    void aRemovedUsersHistoryShouldNotPassToTheNextUserOfTheName() throws Exception {
        String user = TotpUser.newUserName("removed");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, TotpUser.PRIMARY_PASSWORD)).isTrue();
        await().atMost(WRITTEN).until(() -> adminList(user).size() == 1);

        james.webAdmin().delete("/users/" + user).then().statusCode(204);
        james.data().addUser(user, "Another-Passw0rd");

        assertThat(adminList(user)).isEmpty();
    }

    @Test
    void theActivityShouldBeReadOnly() {
        james.webAdmin().post("/users/" + JamesWithAppPasswords.ADMIN + "/activity").then().statusCode(405).header("Allow", "GET");
        new SelfServiceClient(james.ports()).request().post("/activity").then().statusCode(405).header("Allow", "GET");
    }

    private static List<Map<String, Object>> adminList(String user) {
        return james.webAdmin().get("/users/" + user + "/activity").then().statusCode(200).extract().jsonPath().getList("");
    }

    private static Map<String, Object> withoutTime(Map<String, Object> signIn) {
        Map<String, Object> copy = new HashMap<>(signIn);
        assertThat(copy.remove("at")).isNotNull();
        return copy;
    }

    private static Map<String, Object> signIn(String protocol, String address, String method, String id, String label, String outcome) {
        Map<String, Object> signIn = new HashMap<>();
        signIn.put("protocol", protocol);
        signIn.put("address", address);
        signIn.put("method", method);
        signIn.put("appPasswordId", id);
        signIn.put("label", label);
        signIn.put("outcome", outcome);
        return signIn;
    }
}
