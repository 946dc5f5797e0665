package org.apppasswords.totp;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apppasswords.hashing.SecretHasher;

/**
 * Reads the CODE of {@code primary$CODE} against an enrolment: always as a TOTP code and as a
 * recovery code, against {@link RecoveryCodes#COUNT} hashes and against a dummy enrolment when
 * there is none, so the work depends neither on the input nor on the user. What it finds is only a
 * candidate: {@link CodeMatch#settle} records it in the store atomically, and only that accepts it.
 *
 * <p>Where a spent step can reach the store after the login is answered (the embedded H2 store
 * writes the login path's changes behind), a crash can lose the last ones; so after a start
 * ({@code restartedAt}) an enrolment older than the start takes no code of a step up to the start's
 * step + 1, the latest step any code spent before the crash could have had (RFC 6238 5.2 across a
 * {@code kill -9}). Its price: for up to a minute after James starts, users enrolled before use
 * their next code.
 */
public final class CodeCheck {
    private final TotpVerifier verifier;
    private final SecretHasher hasher;
    private final TotpEnrolment dummy;
    private final Optional<Instant> restartedAt;

    public CodeCheck(TotpVerifier verifier, SecretHasher hasher, SecureRandom random, Optional<Instant> restartedAt) {
        this.verifier = verifier;
        this.hasher = hasher;
        this.dummy = TotpEnrolment.enabled(TotpSecret.generate(random), Instant.EPOCH, List.of());
        this.restartedAt = restartedAt;
    }

    /** What {@code code} is for {@code enrolment} (empty: the user has no TOTP, and the dummy's work is done). */
    public CodeMatch match(Optional<TotpEnrolment> enrolment, String code) {
        TotpEnrolment checked = enrolment.orElse(dummy);
        OptionalLong step = verifier.verify(checked.secret(), code, lastUsedStep(checked));
        Optional<String> recoveryCode = matchRecoveryCode(checked.recoveryCodeHashes(), code);
        // A recovery code as written or as typed (dashes, case) is one code.
        String fingerprint = checked.secret().fingerprint("spent:" + RecoveryCodes.recognise(code).orElse(code));
        if (enrolment.isEmpty() || code.isEmpty()) {
            return CodeMatch.notAGuess();
        }
        if (checked.spentCodes().contains(fingerprint)) {
            // Accepted or counted before: never accepted again (a new step's code rarely repeats
            // one), so repeating it guesses nothing and is not counted again.
            return CodeMatch.notAGuess();
        }
        if (step.isPresent()) {
            return CodeMatch.totp(step.getAsLong(), checked.spentCodesWith(fingerprint));
        }
        return recoveryCode.map(hash -> CodeMatch.recovery(hash, fingerprint)).orElseGet(() -> CodeMatch.wrong(fingerprint));
    }

    private long lastUsedStep(TotpEnrolment enrolment) {
        return restartedAt.filter(start -> enrolment.enabledAt().isBefore(start))
            .map(start -> Math.max(enrolment.lastUsedStep(), Totp.timeStep(start) + 1))
            .orElse(enrolment.lastUsedStep());
    }

    private Optional<String> matchRecoveryCode(List<String> storedHashes, String code) {
        // A code of the wrong shape is still hashed, against every slot, then ignored.
        Optional<String> candidate = RecoveryCodes.recognise(code);
        Optional<String> matched = Optional.empty();
        for (int slot = 0; slot < RecoveryCodes.COUNT; slot++) {
            boolean stored = slot < storedHashes.size();
            String storedHash = stored ? storedHashes.get(slot) : hasher.dummyHash();
            boolean matches = hasher.matches(candidate.orElse(""), storedHash);
            if (matches && stored && candidate.isPresent()) {
                matched = Optional.of(storedHash);
            }
        }
        return matched;
    }
}
