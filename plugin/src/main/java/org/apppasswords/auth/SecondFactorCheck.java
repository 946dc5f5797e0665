package org.apppasswords.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.james.core.Username;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.TotpEnrolment;
import org.apppasswords.totp.RecoveryCodes;
import org.apppasswords.totp.TotpSecret;
import org.apppasswords.totp.TotpVerifier;

/**
 * Matches the CODE of {@code primary$CODE} as a TOTP code and as a recovery code, always both and
 * always against {@link RecoveryCodes#COUNT} hashes, so the work does not depend on the input or
 * on how many codes are left. A match is only a candidate: {@link Match#consume} records it in
 * the store atomically, and only that makes the login succeed (RFC 6238 section 5.2).
 */
final class SecondFactorCheck {
    private final TotpVerifier verifier;
    private final SecretHasher hasher;
    private final TotpEnrolment dummyEnrolment;

    SecondFactorCheck(TotpVerifier verifier, SecretHasher hasher, SecureRandom random) {
        this.verifier = verifier;
        this.hasher = hasher;
        this.dummyEnrolment = TotpEnrolment.enabled(TotpSecret.generate(random), Instant.EPOCH, List.of());
    }

    Match match(TotpEnrolment enrolment, String code) {
        OptionalLong step = verifier.verify(enrolment.secret(), code, enrolment.lastUsedStep());
        Optional<String> recoveryCodeHash = matchRecoveryCode(enrolment.recoveryCodeHashes(), code);
        return new Match(step, recoveryCodeHash);
    }

    /** Spends the same work as {@link #match} for a user without TOTP. */
    void matchAgainstDummy(String presented) {
        match(dummyEnrolment, presented);
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

    static final class Match {
        private final OptionalLong step;
        private final Optional<String> recoveryCodeHash;

        private Match(OptionalLong step, Optional<String> recoveryCodeHash) {
            this.step = step;
            this.recoveryCodeHash = recoveryCodeHash;
        }

        /** Whether what matched, if anything, is a recovery code rather than a TOTP code. */
        boolean isRecoveryCode() {
            return step.isEmpty() && recoveryCodeHash.isPresent();
        }

        /** Records the matched step or spends the matched recovery code; false when nothing matched or a racing login won. */
        boolean consume(SecondFactorStore store, Username user) {
            if (step.isPresent()) {
                return store.advanceLastUsedStep(user, step.getAsLong());
            }
            return recoveryCodeHash.map(hash -> store.consumeRecoveryCode(user, hash)).orElse(false);
        }
    }
}
