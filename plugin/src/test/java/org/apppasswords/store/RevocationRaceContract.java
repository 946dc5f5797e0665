package org.apppasswords.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.james.core.Username;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.StoredAppPassword;
import org.apppasswords.apppassword.TokenAlphabet;
import org.apppasswords.session.SelfServiceSession;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.testing.Concurrently;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;
import org.apppasswords.totp.TotpSecret;
import org.junit.jupiter.api.Test;

/**
 * Creations racing revocations of the same user, run once per backend through
 * {@link UserGenerationsContract}: {@code Concurrently.THREADS - 1} threads each read the user's
 * generation and create with it, again and again, while the last thread revokes
 * {@value #REVOCATIONS} times; once the revocations are over, every creating thread creates once
 * more. Each creation carries the generation it was made with (in a label, a digest, a time), so
 * that what survives tells what it was authorised under: after each revocation, once what was in
 * flight across it has committed, whatever the user holds must have been read after it. A store that
 * ignores the generation, or checks it apart from its write, keeps creations read before a
 * revocation, and fails (tried: every race fails on every backend when the generation is ignored;
 * a check in a transaction of its own is caught on H2 and PostgreSQL by every race nearly every
 * run, and in memory, where the window is a few instructions, by one race or another).
 */
public interface RevocationRaceContract {
    Username ALICE = Username.of("alice@example.org");
    Username BOB = Username.of("bob@example.org");
    Username CAROL = Username.of("carol@example.org");
    Instant CREATED = Instant.parse("2024-03-01T12:00:00Z");
    // Base32 of the RFC 6238 SHA1 seed.
    TotpSecret SECRET = TotpSecret.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    int REVOCATIONS = 10;
    int UNLIMITED = 1_000_000;
    String READ_AT = "read at ";

    /** Empty stores of one backend, sharing {@link #generations()}. */
    AppPasswordStore appPasswords();

    SelfServiceSessionStore sessions();

    SecondFactorStore secondFactors();

    UserGenerations generations();

    /** One creation: the {@code n}-th of the race, with the generation read just before it. */
    @FunctionalInterface
    interface Creation {
        void create(int n, long generation);
    }

    /** The {@code n}-th app password of the race (ids are {@code n} in base 32, so a long race never runs out). */
    default StoredAppPassword appPassword(int n, long generation) {
        StringBuilder id = new StringBuilder();
        for (int i = 0, rest = n; i < AppPasswordId.LENGTH; i++, rest /= TokenAlphabet.SYMBOLS.length()) {
            id.append(TokenAlphabet.SYMBOLS.charAt(rest % TokenAlphabet.SYMBOLS.length()));
        }
        return StoredAppPassword.created(AppPasswordId.parse(id.toString()).orElseThrow(), readAt(generation), "$sha256$c2FsdA$aGFzaA",
            CREATED);
    }

    default SelfServiceSession session(String digest, Username user, long generation) {
        return new SelfServiceSession(digest, user, CREATED, CREATED.plusSeconds(600), true, generation);
    }

    default TotpEnrolment enrolment(Instant enabledAt) {
        return TotpEnrolment.enabled(SECRET, enabledAt, List.of("$sha256$c2FsdA$aGFzaA"));
    }

    /** The label of an app password added with {@code generation}. */
    default String readAt(long generation) {
        return READ_AT + generation;
    }

    /**
     * Runs {@code creation} racing {@value #REVOCATIONS} runs of {@code revocation}, as the
     * interface's Javadoc says, and asserts that whatever survives each revocation was authorised
     * after it. {@code survivors} lists the generations that what the user holds now was created with.
     */
    default void race(Runnable revocation, Creation creation, Supplier<List<Long>> survivors) throws Exception {
        int creators = Concurrently.THREADS - 1;
        AtomicInteger created = new AtomicInteger();
        // The revocations start once every creator made its first creation, so that each one falls among creations.
        CountDownLatch underWay = new CountDownLatch(creators);
        AtomicBoolean revoked = new AtomicBoolean();
        Queue<String> outlived = new ConcurrentLinkedQueue<>();
        ReadWriteLock checking = new ReentrantReadWriteLock();
        Concurrently.run(Concurrently.THREADS, index -> {
            if (index == creators) {
                underWay.await();
                for (int generation = 1; generation <= REVOCATIONS; generation++) {
                    revocation.run();
                    // Whatever was in flight across the revocation commits before the survivors are read, and no
                    // creation starts meanwhile; only this thread revokes, so the generation stands still too.
                    checking.writeLock().lock();
                    try {
                        for (long survivor : survivors.get()) {
                            if (survivor != generation) {
                                outlived.add("made with generation " + survivor + " after revocation " + generation);
                            }
                        }
                    } finally {
                        checking.writeLock().unlock();
                    }
                }
                revoked.set(true);
                return null;
            }
            boolean last;
            boolean first = true;
            do {
                // Read before creating: the creation that sees the revocations over is the thread's last.
                last = revoked.get();
                checking.readLock().lock();
                try {
                    long generation = generations().current(ALICE);
                    // The checks that authorise a creation (a password hashed, a session read) run here, letting others in.
                    Thread.yield();
                    creation.create(created.getAndIncrement(), generation);
                } finally {
                    checking.readLock().unlock();
                }
                if (first) {
                    underWay.countDown();
                    first = false;
                }
            } while (!last);
            return null;
        });

        assertThat(generations().current(ALICE)).isEqualTo(REVOCATIONS);
        assertThat(outlived).isEmpty();
        // Every creator created once more after the last revocation: something must have survived it.
        assertThat(survivors.get()).isNotEmpty().containsOnly((long) REVOCATIONS);
    }

    @Test
    default void noAppPasswordAddedWithAGenerationReadBeforeARevokeAllShouldSurviveIt() throws Exception {
        race(() -> appPasswords().revokeAll(ALICE),
            (n, generation) -> appPasswords().add(ALICE, appPassword(n, generation), UNLIMITED, generation),
            () -> appPasswordsMadeWith(ALICE));
    }

    @Test
    default void noAppPasswordAddedWithAGenerationReadBeforeARenameShouldStayWithTheOldName() throws Exception {
        race(() -> appPasswords().moveAll(ALICE, BOB),
            (n, generation) -> appPasswords().add(ALICE, appPassword(n, generation), UNLIMITED, generation),
            () -> appPasswordsMadeWith(ALICE));
    }

    @Test
    default void noSessionOpenedWithAGenerationReadBeforeARevokeAllShouldSurviveIt() throws Exception {
        Queue<SelfServiceSession> opened = new ConcurrentLinkedQueue<>();
        race(() -> sessions().revokeAll(ALICE),
            (n, generation) -> {
                SelfServiceSession session = session("session-" + n, ALICE, generation);
                if (sessions().create(session)) {
                    opened.add(session);
                }
            },
            // The generations the sessions still open were opened with (not the one find reads with them). An
            // ended session never comes back: forgetting it keeps each look short.
            () -> {
                opened.removeIf(session -> sessions().find(session.tokenDigest(), CREATED).isEmpty());
                return opened.stream().map(SelfServiceSession::generation).collect(Collectors.toList());
            });
    }

    @Test
    default void noSecondFactorEnabledWithAGenerationReadBeforeADisableShouldSurviveIt() throws Exception {
        // The generation read is the enrolment's time, in seconds after CREATED.
        race(() -> secondFactors().disable(ALICE),
            (n, generation) -> secondFactors().enable(ALICE, enrolment(CREATED.plusSeconds(generation)), generation),
            () -> secondFactors().find(ALICE).stream().map(enrolment -> Duration.between(CREATED, enrolment.enabledAt()).getSeconds())
                .collect(Collectors.toList()));
    }

    /** The generations the user's app passwords were added with, read from their labels. */
    default List<Long> appPasswordsMadeWith(Username user) {
        return appPasswords().list(user).stream().map(entry -> Long.parseLong(entry.label().substring(READ_AT.length())))
            .collect(Collectors.toList());
    }
}
