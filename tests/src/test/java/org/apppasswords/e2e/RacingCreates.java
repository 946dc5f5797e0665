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
import java.util.function.Supplier;

import io.restassured.response.Response;

/**
 * Loops creating app passwords through the self-service API while something else happens (a
 * primary password change): each loop stops at its first 401, when its session has ended. The
 * change starts once every loop could have created one, so that it lands in full swing.
 */
final class RacingCreates {
    /**
     * James's users hashed with PBKDF2 at 100,000 iterations (about 90 ms here; an operator may well
     * choose that much): each create then spends most of its time checking the primary password, so
     * most loops are between their session check and their write when the change lands. With the
     * demo's cheap hash about one round in two left no survivor, and one run of four rounds in eight
     * passed on code with the race.
     */
    static final Supplier<String> EXPENSIVE_HASH = DemoUsersRepository.withAlgorithm("PBKDF2-SHA512-100000");
    private static final Duration LOOP_LIMIT = Duration.ofSeconds(60);

    private RacingCreates() {
    }

    interface Change {
        void run() throws Exception;
    }

    /**
     * @return the app passwords the API returned with 201, by id, from the first create until every loop got its 401
     */
    static Map<String, String> around(Change change, SelfServiceClient client, String token, String primaryPassword, String label,
                                      int loops) throws Exception {
        Map<String, String> returned = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(loops);
        try {
            List<Future<List<Integer>>> unexpected = new ArrayList<>();
            for (int loop = 0; loop < loops; loop++) {
                String loopLabel = label + "-" + loop;
                unexpected.add(pool.submit(() -> createUntilSignedOut(client, token, loopLabel, primaryPassword, returned)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> returned.size() >= loops);
            change.run();
            for (Future<List<Integer>> loop : unexpected) {
                assertThat(loop.get(LOOP_LIMIT.toSeconds() + 30, TimeUnit.SECONDS))
                    .as("answers other than 201, 401, 403 (the old password refused once the new one applies) and 409 (a create"
                        + " refused by the change); -1 for a loop never signed out")
                    .isEmpty();
            }
            return Map.copyOf(returned);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> createUntilSignedOut(SelfServiceClient client, String token, String label, String password,
                                                      Map<String, String> returned) {
        List<Integer> unexpected = new ArrayList<>();
        Instant deadline = Instant.now().plus(LOOP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Response created = client.createAppPassword(token, label, password);
            int status = created.statusCode();
            if (status == 201) {
                returned.put(created.jsonPath().getString("id"), created.jsonPath().getString("password"));
            } else if (status == 401) {
                return unexpected;
            } else if (status != 403 && status != 409) {
                // 403: the old password, once the new one applies; 409: a create authorised before the
                // change and refused by it (issue 17: it must not outlive the change).
                unexpected.add(status);
            }
        }
        unexpected.add(-1);
        return unexpected;
    }
}
