package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * A primary password change through James (WebAdmin {@code PUT /users/{user}}) revokes every app
 * password and self-service session ({@code onPrimaryPasswordChange=revoke-all}, the default). Here
 * {@value #LOOPS} loops keep creating app passwords through the self-service API while the admin
 * changes the password; each loop stops at its first 401 (its session ended). Once the change has
 * settled, nothing created before it may survive it: the admin list is empty and none of the app
 * passwords the API returned (201) logs in over IMAP. {@value #ROUNDS} rounds, each signed in
 * again with the new password and a recovery code (a fresh second factor each round, without
 * waiting for a new TOTP step).
 */
class CreateRacingPasswordChangeTest {
    private static final int LOOPS = 8;
    private static final int ROUNDS = 4;
    private static final Duration LOOP_LIMIT = Duration.ofSeconds(60);

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.maxPerUser=100000\n");

    private final SelfServiceClient client = new SelfServiceClient(james.ports());

    @Test
    void noAppPasswordCreatedWhileThePasswordChangesShouldSurviveTheChange() throws Exception {
        TotpUser user = TotpUser.create(james, "racing");
        String password = TotpUser.PRIMARY_PASSWORD;
        SoftAssertions softly = new SoftAssertions();
        for (int round = 0; round < ROUNDS; round++) {
            String token = client.token(user.name, password + "$" + user.recoveryCodes.get(round).reveal());
            String newPassword = "Round-" + round + "-Passw0rd";
            SecretLeakDetector.register(newPassword);

            Map<String, String> returned = createWhileThePasswordChanges(user.name, token, password, newPassword, round);

            List<Object> listed = james.webAdmin().get("/users/" + user.name + "/app-passwords")
                .then().statusCode(200).extract().jsonPath().getList("id");
            List<String> stillLoggingIn = new ArrayList<>();
            for (Map.Entry<String, String> created : returned.entrySet()) {
                if (Protocol.IMAP_LOGIN.login(james.ports(), user.name, created.getValue())) {
                    stillLoggingIn.add(created.getKey());
                }
            }
            softly.assertThat(listed).as("round %d: app passwords listed after the change (%d were created)", round, returned.size())
                .isEmpty();
            softly.assertThat(stillLoggingIn)
                .as("round %d: ids of app passwords logging in over IMAP after the change, out of %d created", round, returned.size())
                .isEmpty();
            password = newPassword;
        }
        softly.assertAll();
    }

    /** @return the app passwords the API returned with 201 during the whole round, by id */
    private Map<String, String> createWhileThePasswordChanges(String user, String token, String oldPassword, String newPassword, int round)
            throws Exception {
        Map<String, String> returned = new ConcurrentHashMap<>();
        ExecutorService loops = Executors.newFixedThreadPool(LOOPS);
        try {
            List<Future<List<Integer>>> unexpected = new ArrayList<>();
            for (int loop = 0; loop < LOOPS; loop++) {
                String label = "race-" + round + "-" + loop;
                unexpected.add(loops.submit(() -> createUntilSignedOut(token, label, oldPassword, returned)));
            }
            // The change lands while the creates are in full swing.
            await().atMost(Duration.ofSeconds(30)).until(() -> returned.size() >= LOOPS);
            james.webAdmin().contentType("application/json").body(Map.of("password", newPassword))
                .put("/users/" + user + "?force").then().statusCode(204);
            for (Future<List<Integer>> loop : unexpected) {
                assertThat(loop.get(LOOP_LIMIT.toSeconds() + 30, TimeUnit.SECONDS))
                    .as("answers other than 201, 401 and 403 (the old password refused once the new one applies)")
                    .isEmpty();
            }
            return Map.copyOf(returned);
        } finally {
            loops.shutdownNow();
        }
    }

    /** @return the statuses other than 201, 401 and 403 it got */
    private List<Integer> createUntilSignedOut(String token, String label, String password, Map<String, String> returned) {
        List<Integer> unexpected = new ArrayList<>();
        Instant deadline = Instant.now().plus(LOOP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Response created = client.createAppPassword(token, label, password);
            int status = created.statusCode();
            if (status == 201) {
                returned.put(created.jsonPath().getString("id"), created.jsonPath().getString("password"));
            } else if (status == 401) {
                return unexpected;
            } else if (status != 403) {
                unexpected.add(status);
            }
        }
        unexpected.add(-1);
        return unexpected;
    }
}
