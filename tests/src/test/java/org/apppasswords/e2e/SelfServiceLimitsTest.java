package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;

/**
 * {@code appPasswords.maxPerUser=5} and {@code appPasswords.requireSecondFactor=false}: a user
 * without TOTP may mint app passwords through the self-service API, never more than five, even
 * when fifty creates race. A {@code totp.issuer} with spaces and reserved characters is
 * percent-encoded in the otpauth URI.
 */
class SelfServiceLimitsTest {
    private static final int MAX_PER_USER = 5;
    private static final int CONCURRENT_CREATES = 50;

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(
        "appPasswords.maxPerUser=" + MAX_PER_USER + "\nappPasswords.requireSecondFactor=false\ntotp.issuer=Example Mail & Co\n");

    private static SelfServiceClient client() {
        return new SelfServiceClient(james.ports());
    }

    @Test
    void sessionWithoutSecondFactorShouldMintAnAppPasswordWhenNotRequired() throws Exception {
        String user = TotpUser.newUserName("plain");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        Response created = client().createAppPassword(token, "Mail", TotpUser.PRIMARY_PASSWORD);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), user, created.jsonPath().getString("password"))).isTrue();
    }

    @Test
    void otpauthUriShouldPercentEncodeTheConfiguredIssuer() throws Exception {
        String user = TotpUser.newUserName("issuer");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);

        String uri = client().startEnrolment(token, TotpUser.PRIMARY_PASSWORD).then().statusCode(200).extract().jsonPath().getString("otpauthUri");

        assertThat(uri).startsWith("otpauth://totp/Example%20Mail%20%26%20Co:" + user.replace("@", "%40") + "?secret=")
            .contains("&issuer=Example%20Mail%20%26%20Co&");
    }

    @Test
    void createShouldAnswer409WhenTheLimitIsReached() throws Exception {
        String user = TotpUser.newUserName("limit");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        for (int i = 0; i < MAX_PER_USER; i++) {
            assertThat(client().createAppPassword(token, "Client " + i, TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(201);
        }

        Response refused = client().createAppPassword(token, "One too many", TotpUser.PRIMARY_PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("Conflict");
        assertThat(refused.jsonPath().getString("message")).contains("maximum of " + MAX_PER_USER);
        String firstId = client().listAppPasswords(token).jsonPath().getString("[0].id");
        assertThat(client().revoke(token, firstId).statusCode()).isEqualTo(204);
        assertThat(client().createAppPassword(token, "After a revocation", TotpUser.PRIMARY_PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void concurrentCreatesShouldLeaveExactlyMaxPerUser() throws Exception {
        String user = TotpUser.newUserName("race");
        james.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        String token = client().token(user, TotpUser.PRIMARY_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_CREATES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < CONCURRENT_CREATES; i++) {
                String label = "Racer " + i;
                Callable<Integer> create = () -> {
                    start.await();
                    return client().createAppPassword(token, label, TotpUser.PRIMARY_PASSWORD).statusCode();
                };
                statuses.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }

            assertThat(answers).filteredOn(status -> status == 201).hasSize(MAX_PER_USER);
            assertThat(answers).filteredOn(status -> status == 409).hasSize(CONCURRENT_CREATES - MAX_PER_USER);
            assertThat(client().listAppPasswords(token).jsonPath().getList("id")).hasSize(MAX_PER_USER).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }
}
