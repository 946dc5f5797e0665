package org.apppasswords.totp;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apppasswords.audit.AuditLog;
import org.apppasswords.hashing.SecretHasher;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.TotpEnrolment;

/**
 * Turns a user's TOTP on and off. Enabling stores the secret and the hashes of fresh recovery
 * codes, whose plaintext is returned once. The self-service routes call this after the user
 * proves a first code; tests and the demo call it directly.
 */
public final class SecondFactorService {
    private final SecondFactorStore store;
    private final RecoveryCodes recoveryCodes;
    private final SecretHasher hasher;
    private final Clock clock;
    private final AuditLog audit;

    public SecondFactorService(SecondFactorStore store, RecoveryCodes recoveryCodes, SecretHasher hasher, Clock clock) {
        this(store, recoveryCodes, hasher, clock, new AuditLog());
    }

    @Inject
    public SecondFactorService(SecondFactorStore store, RecoveryCodes recoveryCodes, SecretHasher hasher, Clock clock, AuditLog audit) {
        this.store = store;
        this.recoveryCodes = recoveryCodes;
        this.hasher = hasher;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Enables TOTP with {@code secret} and returns the recovery codes, shown once.
     *
     * @throws SecondFactorAlreadyEnabledException when TOTP is already on (nothing changed)
     */
    public List<RecoveryCode> enable(Username user, TotpSecret secret) {
        return enable(user, secret, TotpEnrolment.NO_STEP_USED);
    }

    /**
     * Enables TOTP with {@code confirmedStep} already spent, in the same write: the code that
     * confirmed the enrolment can never log in, not even in the instant after it is enabled.
     *
     * @throws SecondFactorAlreadyEnabledException when TOTP is already on (nothing changed)
     */
    public List<RecoveryCode> enable(Username user, TotpSecret secret, long confirmedStep) {
        List<RecoveryCode> codes = recoveryCodes.generate();
        List<String> hashes = codes.stream()
            .map(code -> hasher.hash(code.reveal()))
            .collect(Collectors.toList());
        TotpEnrolment enrolment = TotpEnrolment.enabled(secret, clock.instant(), hashes).withLastUsedStep(confirmedStep);
        if (!store.enable(user, enrolment)) {
            throw new SecondFactorAlreadyEnabledException();
        }
        audit.totpEnabled(user);
        return codes;
    }

    /** The user turns TOTP off (logged when it was on). @return false when TOTP was not enabled */
    public boolean disable(Username user) {
        boolean disabled = store.disable(user);
        if (disabled) {
            audit.totpDisabled(user);
        }
        return disabled;
    }
}
