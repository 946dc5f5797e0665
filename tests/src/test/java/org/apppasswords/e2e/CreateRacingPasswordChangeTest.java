package org.apppasswords.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A primary password change through James (WebAdmin {@code PUT /users/{user}}) revokes every app
 * password and self-service session ({@code onPrimaryPasswordChange=revoke-all}, the default). Here
 * {@value #LOOPS} loops keep creating app passwords through the self-service API while the admin
 * changes the password ({@link RacingCreates}). Once the change has settled, nothing created
 * before it may survive it: the admin list is empty and none of the app passwords the API returned
 * (201) logs in over IMAP. {@value #ROUNDS} rounds, each signed in again with the new password and
 * a recovery code (a fresh second factor each round, without waiting for a new TOTP step).
 * {@link CreateRacingPasswordChangeTwoNodesTest} races the same change across two nodes.
 */
class CreateRacingPasswordChangeTest {
    private static final int LOOPS = 8;
    private static final int ROUNDS = 4;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("appPasswords.maxPerUser=100000\n")
        .withUsersRepository(RacingCreates.EXPENSIVE_HASH);

    @Test
    void noAppPasswordCreatedWhileThePasswordChangesShouldSurviveTheChange() throws Exception {
        SelfServiceClient client = new SelfServiceClient(james.ports());
        TotpUser user = TotpUser.create(james, "racing");
        String password = TotpUser.PRIMARY_PASSWORD;
        SoftAssertions softly = new SoftAssertions();
        for (int round = 0; round < ROUNDS; round++) {
            String token = client.token(user.name, password + "$" + user.recoveryCodes.get(round).reveal());
            String newPassword = "Round-" + round + "-Passw0rd";
            SecretLeakDetector.register(newPassword);

            Map<String, String> returned = RacingCreates.around(
                () -> james.webAdmin().contentType("application/json").body(Map.of("password", newPassword))
                    .put("/users/" + user.name + "?force").then().statusCode(204),
                client, token, password, "race-" + round, LOOPS);

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
}
