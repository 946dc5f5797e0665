package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordLimitException;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.store.jdbc.TestPostgresql;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two James nodes through the operator's launcher, sharing one real PostgreSQL database and key
 * file: node A in this JVM, node B in a JVM of its own ({@link JamesNode}; James's JMX MBeans
 * allow one server per JVM). Node B is driven through {@link NodeMain}, a test-only main calling
 * the same Java API. James's memory users live in each node only, so every test adds its user
 * on both nodes, with the same primary password.
 */
class TwoNodesSharingPostgresqlTest {
    private static final int MAX_PER_USER = 10;
    private static final TestPostgresql.Server POSTGRESQL = TestPostgresql.shared();
    private static final String DATABASE_URL = POSTGRESQL.createDatabase("twonodes");
    private static final String PROPERTIES = "jdbc.url=" + DATABASE_URL + "\n"
        + "jdbc.user=" + TestPostgresql.USER + "\n"
        + "encryption.keyFile=" + TestPostgresql.keyFile("twonodes") + "\n"
        + "appPasswords.maxPerUser=" + MAX_PER_USER + "\n"
        // One connection per creating thread: the creates queue on the user's row lock in PostgreSQL,
        // not for a pooled connection (whose 2 s wait is meant for logins during an outage).
        + "jdbc.poolSize=30\n";

    @RegisterExtension
    static JamesWithAppPasswords nodeA = JamesWithAppPasswords.withProperties(PROPERTIES);

    private static JamesNode nodeB;
    private static final List<CreatedAppPassword> MINTED = new ArrayList<>();
    private static final List<TotpSecret> SEEDS = new ArrayList<>();
    private static final List<RecoveryCode> RECOVERY_CODES = new ArrayList<>();

    @BeforeAll
    static void startNodeB() throws Exception {
        nodeB = JamesNode.start(Files.createTempDirectory("james-node-b"), PROPERTIES);
    }

    @AfterAll
    static void stopNodeB() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void revocationOnNodeAShouldRefuseTheNextLoginOnNodeB() throws Exception {
        String user = userOnBothNodes("revoke");
        CreatedAppPassword created = mint(user);
        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, created.password().reveal())).as("before the revocation").isTrue();

        nodeA.appPasswords().revokeAppPassword(Username.of(user), created.entry().id());

        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, created.password().reveal())).as("after the revocation").isFalse();
    }

    @Test
    void aRevocationOnNodeAShouldSignOutTheConnectionNodeBHolds() throws Exception {
        String user = userOnBothNodes("signout");
        CreatedAppPassword revoked = mint(user);
        CreatedAppPassword kept = mint(user);
        try (IdlingImapClient phone = IdlingImapClient.login(nodeB.ports, user, revoked.password().reveal());
             IdlingImapClient laptop = IdlingImapClient.login(nodeB.ports, user, kept.password().reveal())) {
            nodeA.webAdmin().delete("/users/" + user + "/app-passwords/" + revoked.password().id().asString()).then().statusCode(204);

            assertThat(phone.signedOutWithin()).isLessThan(Duration.ofSeconds(5));
            assertThat(laptop.stillAnswers()).isTrue();
        }
    }

    @Test
    void aConnectionHeldByNodeBShouldBeListedOnNodeAUntilItCloses() throws Exception {
        String user = userOnBothNodes("listed");
        CreatedAppPassword phonePassword = mint(user);
        String connections = "/users/" + user + "/connections";
        IdlingImapClient phone = IdlingImapClient.login(nodeB.ports, user, phonePassword.password().reveal());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(nodeA.webAdmin().get(connections).jsonPath()
            .getList("appPasswordId")).containsExactly(phonePassword.password().id().asString()));
        assertThat(nodeA.webAdmin().get(connections).jsonPath().getString("[0].label")).isEqualTo("client");
        assertThat(nodeA.webAdmin().get("/users/" + user + "/app-passwords").jsonPath().getList("liveConnections")).containsExactly(1);

        phone.logOut();

        await().atMost(Duration.ofSeconds(5)).until(() -> nodeA.webAdmin().get(connections).jsonPath().getList("$").isEmpty());
    }

    @Test
    void aLoginOnNodeBShouldRecordTheLastUseSeenOnNodeA() throws Exception {
        String user = userOnBothNodes("lastuse");
        CreatedAppPassword created = mint(user);

        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, created.password().reveal())).isTrue();

        // Written off the login path by node B's background writer, within its 5 s flush interval.
        await().atMost(Duration.ofSeconds(30))
            .until(() -> nodeA.appPasswords().listAppPasswords(Username.of(user)).get(0).lastUsedAt().isPresent());
    }

    @Test
    void aCodeAcceptedOnNodeAShouldBeRefusedOnNodeB() throws Exception {
        String user = userOnBothNodes("code");
        TotpSecret secret = enableTotp(user);
        String presented = TotpUser.PRIMARY_PASSWORD + "$" + Totp.code(secret.revealBytes(), TotpUser.currentStep(), 6, Totp.Algorithm.SHA1);
        SecretLeakDetector.register(presented);

        assertThat(Protocol.IMAP_LOGIN.login(nodeA.ports(), user, presented)).as("first use, node A").isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, presented)).as("replay, node B").isFalse();
    }

    @Test
    void secondFactorResetOnNodeAShouldRefuseTheNextCodeOnNodeB() throws Exception {
        String user = userOnBothNodes("reset");
        TotpSecret secret = enableTotp(user);
        long step = TotpUser.currentStep();
        String before = TotpUser.PRIMARY_PASSWORD + "$" + Totp.code(secret.revealBytes(), step, 6, Totp.Algorithm.SHA1);
        String after = TotpUser.PRIMARY_PASSWORD + "$" + Totp.code(secret.revealBytes(), step + 1, 6, Totp.Algorithm.SHA1);
        SecretLeakDetector.register(before);
        SecretLeakDetector.register(after);
        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, before)).as("before the reset, node B").isTrue();

        nodeA.appPasswords().resetSecondFactor(Username.of(user));

        assertThat(Protocol.IMAP_LOGIN.login(nodeB.ports, user, after)).as("a fresh code after the reset, node B").isFalse();
    }

    @Test
    void fiftyConcurrentCreatesOnBothNodesShouldLeaveExactlyMaxPerUser() throws Exception {
        String user = userOnBothNodes("burst");
        ExecutorService executor = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> onNodeA = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Callable<Boolean> create = () -> {
                start.await();
                try {
                    mint(user);
                    return true;
                } catch (AppPasswordLimitException e) {
                    return false;
                }
            };
            onNodeA.add(executor.submit(create));
        }
        nodeB.startCreates(user, 25, 25);
        start.countDown();
        int createdOnA = 0;
        for (Future<Boolean> outcome : onNodeA) {
            createdOnA += outcome.get() ? 1 : 0;
        }
        List<String> onNodeB = nodeB.awaitCreates();
        executor.shutdown();
        long createdOnB = onNodeB.stream().filter(outcome -> outcome.startsWith("CREATED ")).count();

        assertThat(onNodeB).hasSize(25);
        assertThat(createdOnA + createdOnB).isEqualTo(MAX_PER_USER);
        assertThat(nodeA.appPasswords().listAppPasswords(Username.of(user))).hasSize(MAX_PER_USER);
    }

    @Test
    void aPostgresqlDumpShouldHoldNoPlaintextSecret() throws Exception {
        String user = userOnBothNodes("dump");
        mint(user);
        TotpSecret secret = enableTotp(user);
        // What the throttle and the code count write: a failure row per wrong value and place, the
        // last wrong code and the spent codes of the enrolment.
        long step = TotpUser.currentStep();
        String spent = TotpUser.PRIMARY_PASSWORD + "$" + Totp.code(secret.revealBytes(), step, 6, Totp.Algorithm.SHA1);
        String wrongCode = TotpUser.PRIMARY_PASSWORD + "$" + wrongCode(secret, step);
        String wrongPassword = "Wrong-Guess-Passw0rd-For-The-Dump";
        List.of(spent, wrongCode, wrongPassword).forEach(SecretLeakDetector::register);
        assertThat(Protocol.IMAP_LOGIN.login(nodeA.ports(), user, spent)).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(nodeA.ports(), user, spent)).as("replayed").isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(nodeA.ports(), user, wrongCode)).isFalse();
        assertThat(Protocol.IMAP_LOGIN.login(nodeA.ports(), user, wrongPassword)).isFalse();
        StoredSecretsScan scan = new StoredSecretsScan()
            .text("primary password", TotpUser.PRIMARY_PASSWORD)
            .text("spent primary$CODE", spent)
            .text("wrong primary$CODE", wrongCode)
            .text("wrong password", wrongPassword);
        synchronized (MINTED) {
            MINTED.forEach(created -> scan.text("app password", created.password().reveal())
                .text("app password as displayed", created.password().revealForDisplay()));
            SEEDS.forEach(seed -> scan.totpSeed("TOTP seed", seed));
            RECOVERY_CODES.forEach(code -> scan.text("recovery code", code.reveal()).text("recovery code as displayed", code.revealForDisplay()));
        }

        byte[] dump = pgDump();

        assertThat(StoredSecretsScan.contains(dump, user)).as("the dump holds the user's rows").isTrue();
        assertThat(tableRows(dump, "login_failures")).as("the dump holds the user's failure rows").contains(user + "\t");
        assertThat(scan.foundIn(dump)).isEmpty();
    }

    /** The rows of {@code table} in a plain-text dump: the lines of its {@code COPY ... FROM stdin;} block. */
    private static String tableRows(byte[] dump, String table) {
        String text = new String(dump, StandardCharsets.UTF_8);
        int start = text.indexOf("COPY public." + table + " ");
        assertThat(start).as("the dump holds the table " + table).isNotNegative();
        return text.substring(start, text.indexOf("\n\\.\n", start));
    }

    /** A well-formed code that none of the steps around {@code step} accepts. */
    private static String wrongCode(TotpSecret secret, long step) {
        List<String> valid = new ArrayList<>();
        for (long s = step - 2; s <= step + 2; s++) {
            valid.add(Totp.code(secret.revealBytes(), s, 6, Totp.Algorithm.SHA1));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    private static String userOnBothNodes(String prefix) throws Exception {
        String user = TotpUser.newUserName(prefix);
        nodeA.data().addUser(user, TotpUser.PRIMARY_PASSWORD);
        nodeB.addUser(user, TotpUser.PRIMARY_PASSWORD);
        return user;
    }

    private static CreatedAppPassword mint(String user) {
        CreatedAppPassword created = TotpUser.mint(nodeA, Username.of(user), "client");
        synchronized (MINTED) {
            MINTED.add(created);
        }
        return created;
    }

    private static TotpSecret enableTotp(String user) {
        TotpSecret secret = TotpSecret.generate(new SecureRandom());
        SecretLeakDetector.register(secret.revealBase32());
        List<RecoveryCode> codes = nodeA.appPasswords().enableTotp(Username.of(user), secret);
        codes.forEach(code -> {
            SecretLeakDetector.register(code.reveal());
            SecretLeakDetector.register(code.revealForDisplay());
        });
        synchronized (MINTED) {
            SEEDS.add(secret);
            RECOVERY_CODES.addAll(codes);
        }
        return secret;
    }

    private static byte[] pgDump() throws Exception {
        Path pgDump = Files.list(Path.of("/usr/lib/postgresql"))
            .map(version -> version.resolve("bin/pg_dump"))
            .filter(Files::isExecutable)
            .max(Path::compareTo)
            .orElseThrow(() -> new IllegalStateException("pg_dump not found under /usr/lib/postgresql"));
        String database = DATABASE_URL.substring(DATABASE_URL.lastIndexOf('/') + 1);
        Process process = new ProcessBuilder(pgDump.toString(), "-h", "127.0.0.1", "-p", Integer.toString(POSTGRESQL.port()),
            "-U", TestPostgresql.USER, database)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        byte[] dump = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).as("pg_dump exit code").isZero();
        assertThat(new String(dump, StandardCharsets.UTF_8)).contains("app_passwords");
        return dump;
    }
}
