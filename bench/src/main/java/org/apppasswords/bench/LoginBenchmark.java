package org.apppasswords.bench;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepositoryException;
import org.apppasswords.apppassword.AppPassword;
import org.apppasswords.apppassword.AppPasswordGenerator;
import org.apppasswords.scope.MailProtocol;
import org.apppasswords.scope.ProtocolScope;
import org.apppasswords.store.memory.MemoryAppPasswordStore;
import org.apppasswords.store.memory.MemoryGenerations;
import org.apppasswords.store.memory.MemorySecondFactorStore;
import org.apppasswords.store.memory.MemorySelfServiceSessionStore;
import org.apppasswords.totp.Totp;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.MDC;

/**
 * The extension's login path alone: the launcher's decorator ({@link BenchLogins}) over memory
 * stores and a James repository that does nothing ({@link NoOpUsersRepository}), so the figures
 * are the extension's own cost per login. Sample mode, so JMH reports p50 and p99. Run through {@code scripts/bench}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoginBenchmark {
    static final Username USER = Username.of("bench@bench.local");
    static final Instant START = Instant.parse("2026-01-01T00:00:10Z");
    /** Codes computed ahead per iteration at first; grown to what one iteration used. */
    static final int CODES_PER_ITERATION = 400_000;

    /**
     * A user holding the default maximum of 25 app passwords, the last one limited to SMTP; with the
     * sign-in history and the security notices on ({@code on}) or off ({@code off}), to compare the
     * two. Every login comes from one client address, known after the first.
     */
    @State(Scope.Benchmark)
    public static class AppPasswords {
        @Param({"off", "on"})
        public String activity;
        BenchLogins logins;
        String right;
        String scoped;
        String wrong;

        @Setup(Level.Trial)
        public void setUp() {
            MemoryGenerations generations = new MemoryGenerations();
            logins = new BenchLogins(new MemoryAppPasswordStore(generations), new MemorySecondFactorStore(generations),
                new MemorySelfServiceSessionStore(generations), generations, new NoOpUsersRepository(), new SteppingClock(START),
                "on".equals(activity));
            AppPassword last = null;
            for (int i = 0; i < 24; i++) {
                last = logins.appPasswords.create(USER, "client " + i, logins.generations.current(USER)).password();
            }
            right = last.reveal();
            scoped = logins.appPasswords.create(USER, "scanner", ProtocolScope.of(List.of(MailProtocol.SMTP)),
                logins.generations.current(USER), Optional.empty()).password().reveal();
            // Well formed, checksum valid, id unknown: checked against the dummy hash (equal work).
            wrong = new AppPasswordGenerator(new SecureRandom()).generate().reveal();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            logins.close();
        }
    }

    /** A user with TOTP on, logging in with {@code primary$CODE}; the clock moves one step per login. */
    @State(Scope.Benchmark)
    public static class PrimaryWithCode {
        final SteppingClock clock = new SteppingClock(START);
        final TotpSecret secret = TotpSecret.generate(new SecureRandom());
        BenchLogins logins;
        long nextStep = Totp.timeStep(START) + 1;
        String[] presented = new String[CODES_PER_ITERATION];
        long firstStep;
        int cursor;
        long attempts;
        long refused;

        @Setup(Level.Trial)
        public void setUp() {
            MemoryGenerations generations = new MemoryGenerations();
            logins = new BenchLogins(new MemoryAppPasswordStore(generations), new MemorySecondFactorStore(generations),
                new MemorySelfServiceSessionStore(generations), generations, new NoOpUsersRepository(), clock);
            List<?> recoveryCodes = logins.secondFactors.enable(USER, secret, TotpEnrolment.NO_STEP_USED, generations.current(USER));
            if (recoveryCodes.isEmpty()) {
                throw new IllegalStateException("TOTP was not enabled");
            }
        }

        @Setup(Level.Iteration)
        public void computeCodes() {
            if (cursor > presented.length) {
                // The last iteration ran past the codes computed ahead (computing the rest inline): make room.
                presented = new String[cursor + cursor / 2];
            }
            firstStep = nextStep;
            for (int i = 0; i < presented.length; i++) {
                presented[i] = "primary-password$" + code(firstStep + i);
            }
            cursor = 0;
        }

        @TearDown(Level.Iteration)
        public void moveOn() {
            nextStep = firstStep + Math.max(cursor, presented.length);
        }

        /** The next unused step's login: the clock moves to that step first. */
        String next() {
            int index = cursor++;
            clock.set(Instant.ofEpochSecond((firstStep + index) * 30 + 1));
            // Only while JMH learns the rate (warm-up): the code is then computed inside the measurement.
            return index < presented.length ? presented[index] : "primary-password$" + code(firstStep + index);
        }

        private String code(long step) {
            return Totp.code(secret.revealBytes(), step, 6, Totp.Algorithm.SHA1);
        }

        /**
         * A right code is refused only when it equals the next step's code too (about 2 in a
         * million): the server then records the later step, so the next login is a replay.
         */
        @TearDown(Level.Trial)
        public void tearDown() {
            logins.close();
            if (refused > attempts / 10_000 + 1) {
                throw new IllegalStateException(refused + " of " + attempts + " primary$CODE logins were refused");
            }
        }
    }

    /** TOTP verification alone (three HMAC-SHA1 over the window), on a fixed clock. */
    @State(Scope.Benchmark)
    public static class TotpOnly {
        final TotpSecret secret = TotpSecret.generate(new SecureRandom());
        final org.apppasswords.totp.TotpVerifier verifier = new org.apppasswords.totp.TotpVerifier(new SteppingClock(START));
        String code;

        @Setup(Level.Trial)
        public void setUp() {
            code = Totp.code(secret.revealBytes(), Totp.timeStep(START), 6, Totp.Algorithm.SHA1);
        }
    }

    @State(Scope.Benchmark)
    public static class Generation {
        final AppPasswordGenerator generator = new AppPasswordGenerator(new SecureRandom());
    }

    /** Each benchmark thread logs in as a mail client would: from one address, which James puts in the logging context. */
    @State(Scope.Thread)
    public static class ClientThread {
        @Setup(Level.Trial)
        public void setUp() {
            MDC.put("ip", "203.0.113.7");
        }
    }

    @Benchmark
    public boolean appPasswordRightOf25(AppPasswords state, ClientThread client) throws UsersRepositoryException {
        return check(state.logins.repository.test(USER, state.right), true);
    }

    /** Each benchmark thread logs in as James's SMTP server would: the protocol in its logging context. */
    @State(Scope.Thread)
    public static class SmtpThread {
        @Setup(Level.Trial)
        public void setUp() {
            MDC.put("protocol", "SMTP");
        }
    }

    @Benchmark
    public boolean appPasswordScopedRightOf25(AppPasswords state, ClientThread client, SmtpThread smtp) throws UsersRepositoryException {
        return check(state.logins.repository.test(USER, state.scoped), true);
    }

    @Benchmark
    public boolean appPasswordWrongOf25(AppPasswords state, ClientThread client) throws UsersRepositoryException {
        return check(state.logins.repository.test(USER, state.wrong), false);
    }

    @Benchmark
    public boolean primaryWithCodeOverNoOpDelegate(PrimaryWithCode state) throws UsersRepositoryException {
        boolean accepted = state.logins.repository.test(USER, state.next());
        state.attempts++;
        state.refused += accepted ? 0 : 1;
        return accepted;
    }

    @Benchmark
    public long totpVerification(TotpOnly state) {
        return state.verifier.verify(state.secret, state.code, Long.MIN_VALUE).orElseThrow();
    }

    @Benchmark
    public AppPassword appPasswordGeneration(Generation state) {
        return state.generator.generate();
    }

    private static boolean check(boolean outcome, boolean expected) {
        if (outcome != expected) {
            throw new IllegalStateException("The login answered " + outcome + ", expected " + expected);
        }
        return outcome;
    }
}
