package org.apppasswords.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apppasswords.login.StoreOutageLog;
import org.apppasswords.store.jdbc.TestPostgresql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.restassured.response.Response;

/**
 * James on PostgreSQL while the database goes away and comes back: a server of this test's own,
 * stopped with {@code pg_ctl stop -m fast} (open connections cut) under a load of logins. Logins
 * fail closed on every path, quickly (bounded pool timeouts, no pile-up), the log says so once
 * rather than once per login, and logins work again once PostgreSQL is back, without restarting
 * James.
 */
class PostgresqlOutageTest {
    private static final TestPostgresql.Server POSTGRESQL = TestPostgresql.Server.startOwn();

    @RegisterExtension
    static JamesWithAppPasswords james = JamesWithAppPasswords.withProperties("jdbc.url=" + POSTGRESQL.createDatabase("outage") + "\n"
        + "jdbc.user=" + TestPostgresql.USER + "\n"
        + "encryption.keyFile=" + TestPostgresql.keyFile("outage") + "\n");

    @Test
    void loginsShouldFailClosedWhilePostgresqlIsDownAndRecoverWhenItReturns() throws Exception {
        TotpUser totpUser = TotpUser.create(james, "outage");
        String plainUser = TotpUser.newUserName("outage-plain");
        james.data().addUser(plainUser, TotpUser.PRIMARY_PASSWORD);
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), totpUser.name, totpUser.appPassword.password().reveal())).isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), plainUser, TotpUser.PRIMARY_PASSWORD)).isTrue();
        ListAppender<ILoggingEvent> outageLog = captureOutageLog();

        POSTGRESQL.stop();
        Instant outageStart = Instant.now();
        List<Boolean> duringOutage = loginBurst(totpUser, plainUser, 30);
        Duration burstTime = Duration.between(outageStart, Instant.now());

        assertThat(duringOutage).containsOnly(false);
        assertThat(burstTime).as("30 refused logins on 10 threads, each waiting at most the 2 s pool timeout").isLessThan(Duration.ofSeconds(30));
        assertThat(errorsIn(outageLog)).hasSize(1);
        assertThat(errorsIn(outageLog).get(0)).contains("App passwords store unavailable").contains("fail closed");
        assertHttpAnswers503WithoutTheDatabasesReason(totpUser);
        assertThat(james.webAdmin().contentType("application/json").body(Map.of("password", "Changed-Passw0rd"))
            .put("/users/" + plainUser + "?force").statusCode())
            .as("a password change through James's own route is refused, so no app password outlives it").isEqualTo(503);

        POSTGRESQL.start();

        assertThat(eventually(() -> Protocol.IMAP_LOGIN.login(james.ports(), totpUser.name, totpUser.appPassword.password().reveal())))
            .as("app password once PostgreSQL is back").isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), plainUser, TotpUser.PRIMARY_PASSWORD)).as("primary password once back").isTrue();
        assertThat(Protocol.IMAP_LOGIN.login(james.ports(), totpUser.name, totpUser.primaryWithCurrentCode())).as("primary$CODE once back").isTrue();
        assertThat(outageLog.list.stream().map(ILoggingEvent::getFormattedMessage)).anyMatch(message -> message.contains("reachable again"));
    }

    /** The admin routes and the self-service sign-in say "unavailable", not 500 nor 401, and leak nothing of the cause. */
    private static void assertHttpAnswers503WithoutTheDatabasesReason(TotpUser user) {
        Response admin = james.webAdmin().get("/users/" + user.name + "/app-passwords");
        Response signIn = new SelfServiceClient(james.ports()).signIn(user.name, user.primaryWithCurrentCode());

        for (Response answer : List.of(admin, signIn)) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.jsonPath().getString("message")).isEqualTo("The app passwords store is unavailable: retry later");
            assertThat(answer.asString()).doesNotContainIgnoringCase("postgres").doesNotContainIgnoringCase("connection");
        }
    }

    /** IMAP logins on 10 threads: app password, primary password of a user without TOTP, and primary$CODE. */
    private static List<Boolean> loginBurst(TotpUser totpUser, String plainUser, int logins) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(10);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < logins; i++) {
                int kind = i % 3;
                futures.add(executor.submit(() -> {
                    if (kind == 0) {
                        return Protocol.IMAP_LOGIN.login(james.ports(), totpUser.name, totpUser.appPassword.password().reveal());
                    }
                    if (kind == 1) {
                        return Protocol.IMAP_LOGIN.login(james.ports(), plainUser, TotpUser.PRIMARY_PASSWORD);
                    }
                    return Protocol.IMAP_LOGIN.login(james.ports(), totpUser.name, totpUser.primaryWithCurrentCode());
                }));
            }
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            executor.shutdownNow();
        }
    }

    private static ListAppender<ILoggingEvent> captureOutageLog() {
        Logger logger = (Logger) LoggerFactory.getLogger(StoreOutageLog.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    private static List<String> errorsIn(ListAppender<ILoggingEvent> appender) {
        synchronized (appender.list) {
            return appender.list.stream()
                .filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage)
                .collect(Collectors.toList());
        }
    }

    private interface Login {
        boolean attempt() throws Exception;
    }

    private static boolean eventually(Login login) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(login::attempt);
        return true;
    }
}
