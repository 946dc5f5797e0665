package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apppasswords.audit.AuditCapture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@value #FLOOD} JMAP Basic requests (RFC 8621 session endpoint) from 127.0.0.1, each for a
 * made-up name with a wrong password, against the default store (embedded H2 under James's working
 * directory). JMAP Basic checks the password on every request, so it is where a sprayer goes: the
 * address-wide lockout ({@code throttle.addressWide.maxFailures}, 50 by default) must apply to
 * JMAP as to IMAP, the audit lines must say where the requests came from, and the flood must not
 * bloat the store with a record per made-up name. The flood runs once; each test looks at one
 * consequence.
 */
class JmapBasicFloodTest {
    private static final int FLOOD = 3000;
    private static final int CLIENTS = 4;
    private static final long MAX_STORE_GROWTH = 10L * 1024 * 1024;
    private static final String WRONG_PASSWORD = "Wrong-Passw0rd";

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withDefaults();

    private static String owner;
    private static List<String> refusals;
    private static long storeBefore;
    private static long storeAfter;

    @BeforeAll
    static void flood() throws Exception {
        owner = TotpUser.newUserName("owner");
        james.data().addUser(owner, TotpUser.PRIMARY_PASSWORD);
        storeBefore = Files.size(storeFile());

        try (AuditCapture audit = new AuditCapture()) {
            List<Integer> statuses = send(FLOOD);
            refusals = audit.lines("login-refused").stream()
                .filter(line -> line.contains(" user=nobody-"))
                .collect(Collectors.toList());
            assertThat(statuses).as("answers to the flood").containsOnly(401).hasSize(FLOOD);
        }
        storeAfter = Files.size(storeFile());
    }

    private static Path storeFile() {
        return james.workingDirectory().resolve("var").resolve("app-passwords").resolve("store.mv.db");
    }

    /** {@code count} JMAP Basic requests from {@value #CLIENTS} keep-alive clients, each for a name of its own. */
    private static List<Integer> send(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Integer>>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                answers.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = first; i < count; i += CLIENTS) {
                        statuses.add(client.send(request("nobody-" + i + "@" + JamesWithAppPasswords.DOMAIN), HttpResponse.BodyHandlers.discarding())
                            .statusCode());
                    }
                    return statuses;
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> answer : answers) {
                statuses.addAll(answer.get(5, TimeUnit.MINUTES));
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }

    private static HttpRequest request(String user) {
        Protocol.rememberSent("", user, WRONG_PASSWORD);
        String credentials = Base64.getEncoder().encodeToString((user + ':' + WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://" + Protocol.LOOPBACK + ":" + james.ports().jmap + "/jmap/session"))
            .header("Accept", "application/json; jmapVersion=rfc-8621")
            .header("Authorization", "Basic " + credentials)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    }

    @Test
    void theFloodingAddressShouldBeRefusedForARealAccountEvenWithTheRightPassword() throws Exception {
        assertThat(JmapBasicFrom.login(james.ports(), "127.0.0.1", owner, TotpUser.PRIMARY_PASSWORD))
            .as("the owner's right primary password over JMAP Basic from the flooding address")
            .isFalse();
    }

    @Test
    void anotherAddressShouldStillLogInOverJmap() throws Exception {
        assertThat(JmapBasicFrom.login(james.ports(), "127.0.0.2", owner, TotpUser.PRIMARY_PASSWORD)).isTrue();
    }

    @Test
    void theRefusalsShouldCarryTheClientAddressAndAProtocol() {
        assertThat(refusals).as("login-refused lines of the flood").hasSize(FLOOD);
        List<String> withoutOrigin = refusals.stream()
            .filter(line -> !line.contains(" address=127.0.0.1 ") || line.contains(" protocol=- "))
            .collect(Collectors.toList());

        assertThat(withoutOrigin.size())
            .as("login-refused lines of the flood without address=127.0.0.1 and a protocol, out of %d (the first: %s)",
                FLOOD, withoutOrigin.isEmpty() ? "none" : withoutOrigin.get(0))
            .isZero();
    }

    @Test
    void theStoreShouldNotGrowWithTheFlood() {
        assertThat(storeAfter - storeBefore)
            .as("growth of %s during the flood, in bytes (%d before, %d after)", storeFile().getFileName(), storeBefore, storeAfter)
            .isLessThan(MAX_STORE_GROWTH);
    }
}
