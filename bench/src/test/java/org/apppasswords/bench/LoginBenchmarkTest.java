package org.apppasswords.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Each benchmark method called once, outside JMH: proves that what the benchmarks time is the
 * login they claim (a right app password accepted, a wrong one refused, a fresh code accepted).
 */
class LoginBenchmarkTest {
    private final LoginBenchmark benchmark = new LoginBenchmark();
    private final LoginBenchmark.AppPasswords appPasswords = new LoginBenchmark.AppPasswords();
    private final LoginBenchmark.PrimaryWithCode primaryWithCode = new LoginBenchmark.PrimaryWithCode();
    private final LoginBenchmark.ClientThread client = new LoginBenchmark.ClientThread();

    @AfterEach
    void tearDown() {
        MDC.clear();
        if (appPasswords.logins != null) {
            appPasswords.tearDown();
        }
        if (primaryWithCode.logins != null) {
            primaryWithCode.tearDown();
        }
    }

    @Test
    void theRightAppPasswordOf25ShouldBeAccepted() throws Exception {
        appPasswords.setUp();

        assertThat(benchmark.appPasswordRightOf25(appPasswords, client)).isTrue();
    }

    @Test
    void theScopedAppPasswordShouldBeAcceptedOverSmtpOnly() throws Exception {
        appPasswords.setUp();
        LoginBenchmark.SmtpThread smtp = new LoginBenchmark.SmtpThread();
        try {
            assertThatThrownBy(() -> benchmark.appPasswordScopedRightOf25(appPasswords, client, new NoProtocol()))
                .as("no protocol in the logging context: refused").isInstanceOf(IllegalStateException.class);
            smtp.setUp();

            assertThat(benchmark.appPasswordScopedRightOf25(appPasswords, client, smtp)).isTrue();
        } finally {
            MDC.clear();
        }
    }

    /** A benchmark thread whose logging context says no protocol. */
    static final class NoProtocol extends LoginBenchmark.SmtpThread {
        @Override
        public void setUp() {
        }
    }

    @Test
    void withActivityOnTheRightAppPasswordShouldBeAcceptedRecordedAndItsAddressNoted() throws Exception {
        appPasswords.activity = "on";
        appPasswords.setUp();
        client.setUp();

        assertThat(benchmark.appPasswordRightOf25(appPasswords, client)).isTrue();
        BenchLogins logins = appPasswords.logins;
        appPasswords.tearDown();
        appPasswords.logins = null;
        assertThat(logins.history.latest(LoginBenchmark.USER, Instant.EPOCH)).hasSize(1);
        String usedId = logins.history.latest(LoginBenchmark.USER, Instant.EPOCH).get(0).appPasswordId().orElseThrow();
        assertThat(logins.history.add(LoginBenchmark.USER, usedId, "203.0.113.7"))
            .as("the notices noted the address of the first use: it is known now").isFalse();
    }

    @Test
    void theWrongAppPasswordShouldBeRefused() throws Exception {
        appPasswords.setUp();

        assertThat(benchmark.appPasswordWrongOf25(appPasswords, client)).isFalse();
    }

    @Test
    void theBenchmarkShouldFailWhenTheLoginAnswersOtherwise() throws Exception {
        appPasswords.setUp();
        appPasswords.right = appPasswords.wrong;

        assertThatThrownBy(() -> benchmark.appPasswordRightOf25(appPasswords, client)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void primaryWithCodeShouldBeAcceptedAtEveryNewStep() throws Exception {
        primaryWithCode.setUp();
        primaryWithCode.presented = new String[3];
        primaryWithCode.computeCodes();

        assertThat(benchmark.primaryWithCodeOverNoOpDelegate(primaryWithCode)).isTrue();
        assertThat(benchmark.primaryWithCodeOverNoOpDelegate(primaryWithCode)).isTrue();
    }

    @Test
    void aReplayedCodeShouldBeRefusedAndFailTheTrial() throws Exception {
        primaryWithCode.setUp();
        primaryWithCode.presented = new String[2];
        primaryWithCode.computeCodes();
        benchmark.primaryWithCodeOverNoOpDelegate(primaryWithCode);
        primaryWithCode.cursor = 0;
        assertThat(benchmark.primaryWithCodeOverNoOpDelegate(primaryWithCode)).isFalse();
        primaryWithCode.cursor = 0;

        assertThat(benchmark.primaryWithCodeOverNoOpDelegate(primaryWithCode)).isFalse();
        assertThatThrownBy(primaryWithCode::tearDown).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 of 3");
        primaryWithCode.logins = null;
    }

    @Test
    void totpVerificationShouldFindTheCurrentStep() {
        LoginBenchmark.TotpOnly state = new LoginBenchmark.TotpOnly();
        state.setUp();

        assertThat(benchmark.totpVerification(state)).isEqualTo(org.apppasswords.totp.Totp.timeStep(LoginBenchmark.START));
    }

    @Test
    void generationShouldMakeAWellFormedAppPassword() {
        assertThat(benchmark.appPasswordGeneration(new LoginBenchmark.Generation()).reveal()).startsWith("jap").hasSize(40);
    }
}
