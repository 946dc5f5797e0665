package org.apppasswords.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.specification.RequestSpecification;

/**
 * Login rule 5 measured from outside, where a hash is expensive enough to see: with James hashing
 * its users' passwords with PBKDF2 at 100,000 iterations (about 90 ms here), a refused login for a
 * name James does not know must cost about what a wrong password for a known name costs (at least
 * {@value #AT_LEAST_PERCENT}% of its median), or timing alone tells which names exist. Over IMAP
 * LOGIN and over James 3.8.1's draft-JMAP {@code POST /authentication} (the password step, after
 * the continuation token). The throttle is set out of the way: every attempt here is refused.
 */
class DraftJmapUnknownNameCostTest {
    private static final int AT_LEAST_PERCENT = 70;
    private static final Duration EXPENSIVE_HASH = Duration.ofMillis(40);
    private static final int WARM_UP = 3;
    private static final int SAMPLES = 11;
    private static final String WRONG_PASSWORD = "Wrong-Passw0rd";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties(String.join("\n",
            "throttle.address.maxFailures=100000",
            "throttle.addressWide.maxFailures=100000",
            "throttle.account.maxFailures=100000"))
        .withUsersRepository(DemoUsersRepository.withAlgorithm("PBKDF2-SHA512-100000"));

    private static String knownUser;

    @BeforeAll
    static void addAUser() throws Exception {
        knownUser = TotpUser.newUserName("known");
        james.data().addUser(knownUser, TotpUser.PRIMARY_PASSWORD);
    }

    private interface RefusedLogin {
        /** The time the server took to refuse {@code user}'s login. */
        Duration refuse(String user) throws Exception;
    }

    @Test
    void anUnknownNameShouldCostWhatAWrongPasswordCostsOverImap() throws Exception {
        assertUnknownNameCostsLikeAWrongPassword(user -> {
            TimedImapLogin login = TimedImapLogin.from(james.ports(), "127.0.0.1", user, WRONG_PASSWORD);
            assertThat(login.accepted).isFalse();
            return login.took;
        });
    }

    @Test
    void anUnknownNameShouldCostWhatAWrongPasswordCostsOverDraftJmapAuthentication() throws Exception {
        assertUnknownNameCostsLikeAWrongPassword(DraftJmapUnknownNameCostTest::refusedDraftJmapPasswordStep);
    }

    private static void assertUnknownNameCostsLikeAWrongPassword(RefusedLogin login) throws Exception {
        String unknownUser = TotpUser.newUserName("nobody");
        for (int i = 0; i < WARM_UP; i++) {
            login.refuse(knownUser);
            login.refuse(unknownUser);
        }
        List<Duration> known = new ArrayList<>();
        List<Duration> unknown = new ArrayList<>();
        // Interleaved, so that whatever else the machine does weighs on both alike.
        for (int i = 0; i < SAMPLES; i++) {
            known.add(login.refuse(knownUser));
            unknown.add(login.refuse(unknownUser));
        }
        Duration knownMedian = median(known);
        Duration unknownMedian = median(unknown);

        assertThat(knownMedian).as("a wrong password for a known name (the hash must be expensive for this test to mean anything): %s ms", millis(known))
            .isGreaterThanOrEqualTo(EXPENSIVE_HASH);
        long percent = unknownMedian.toNanos() * 100 / knownMedian.toNanos();
        assertThat(percent)
            .as("median refusal of an unknown name (%d ms: %s) in percent of a known name's wrong password (%d ms: %s)",
                unknownMedian.toMillis(), millis(unknown), knownMedian.toMillis(), millis(known))
            .isGreaterThanOrEqualTo(AT_LEAST_PERCENT);
    }

    private static List<Long> millis(List<Duration> durations) {
        List<Long> millis = new ArrayList<>();
        durations.forEach(duration -> millis.add(duration.toMillis()));
        return millis;
    }

    private static Duration median(List<Duration> durations) {
        List<Duration> sorted = new ArrayList<>(durations);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The draft protocol's two steps; only the second, which checks the password, is timed. */
    private static Duration refusedDraftJmapPasswordStep(String user) {
        Protocol.rememberSent("", user, WRONG_PASSWORD);
        String continuationToken = draftRequest()
            .body(Map.of("username", user, "clientName", "test", "clientVersion", "1", "deviceName", "junit"))
            .post("/authentication")
        .then()
            .statusCode(200)
            .extract().path("continuationToken");
        RequestSpecification passwordStep = draftRequest()
            .body(Map.of("token", continuationToken, "method", "password", "password", WRONG_PASSWORD));

        long start = System.nanoTime();
        int status = passwordStep.post("/authentication").statusCode();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(status).as("draft-JMAP password step for " + user).isEqualTo(DraftJmapClient.UNAUTHORIZED);
        return took;
    }

    private static RequestSpecification draftRequest() {
        return given()
            .baseUri("http://" + Protocol.LOOPBACK).port(james.ports().jmap)
            .header("Content-Type", "application/json; charset=UTF-8")
            .accept("application/json")
        .when();
    }
}
