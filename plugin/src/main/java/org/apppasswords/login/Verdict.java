package org.apppasswords.login;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apppasswords.apppassword.StoredAppPassword;

/**
 * The one answer of the {@link LoginPipeline}: which path the input's shape chose, what became of
 * it, and what it proved. Holds no secret.
 */
public final class Verdict {
    /** The path the shape of the input chose. */
    public enum Method {
        APP_PASSWORD("app-password"), PRIMARY("primary"), CODE("second-factor");

        private final String auditName;

        Method(String auditName) {
            this.auditName = auditName;
        }

        public String auditName() {
            return auditName;
        }
    }

    public enum Outcome {
        ACCEPTED,
        REFUSED,
        /** Refused before it was checked: a lockout of the primary path. */
        LOCKED,
        /** Refused because the store did not answer (fail closed). */
        UNAVAILABLE
    }

    /** What an accepted login proved. */
    public enum Proof { NOTHING, APP_PASSWORD, PRIMARY_PASSWORD, TOTP_CODE, RECOVERY_CODE }

    private final Method method;
    private final Outcome outcome;
    private final Proof proof;
    private final Optional<StoredAppPassword> appPassword;
    private final Optional<Instant> lockedUntil;
    private final boolean lockedCodes;
    private final Optional<String> storeFailure;

    private Verdict(Method method, Outcome outcome, Proof proof, Optional<StoredAppPassword> appPassword, Optional<Instant> lockedUntil,
                    boolean lockedCodes, Optional<String> storeFailure) {
        this.method = method;
        this.outcome = outcome;
        this.proof = proof;
        this.appPassword = appPassword;
        this.lockedUntil = lockedUntil;
        this.lockedCodes = lockedCodes;
        this.storeFailure = storeFailure;
    }

    private Verdict(Method method, Outcome outcome, Proof proof) {
        this(method, outcome, proof, Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    static Verdict acceptedAppPassword(StoredAppPassword entry) {
        return new Verdict(Method.APP_PASSWORD, Outcome.ACCEPTED, Proof.APP_PASSWORD, Optional.of(entry), Optional.empty(), false,
            Optional.empty());
    }

    static Verdict accepted(Method method, Proof proof) {
        return new Verdict(method, Outcome.ACCEPTED, proof);
    }

    static Verdict refused(Method method) {
        return new Verdict(method, Outcome.REFUSED, Proof.NOTHING);
    }

    /** Refused, and this wrong code reached the limit: the user's TOTP codes are locked from now on. */
    static Verdict refusedLockingCodes(Method method) {
        return new Verdict(method, Outcome.REFUSED, Proof.NOTHING, Optional.empty(), Optional.empty(), true, Optional.empty());
    }

    static Verdict locked(Method method, Instant until) {
        return new Verdict(method, Outcome.LOCKED, Proof.NOTHING, Optional.empty(), Optional.of(Objects.requireNonNull(until)), false,
            Optional.empty());
    }

    /** {@code storeFailure}: what the store said, for the outage log (never a secret: the store's own message). */
    static Verdict unavailable(Method method, String storeFailure) {
        return new Verdict(method, Outcome.UNAVAILABLE, Proof.NOTHING, Optional.empty(), Optional.empty(), false, Optional.of(storeFailure));
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Whether a TOTP code or a recovery code was proven with the primary password. */
    public boolean provesSecondFactor() {
        return proof == Proof.TOTP_CODE || proof == Proof.RECOVERY_CODE;
    }

    public Method method() {
        return method;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Proof proof() {
        return proof;
    }

    /** The app password that was accepted. */
    public Optional<StoredAppPassword> appPassword() {
        return appPassword;
    }

    /** When the lockout that refused this attempt ends. */
    public Optional<Instant> lockedUntil() {
        return lockedUntil;
    }

    /** Why the store failed, for {@link Outcome#UNAVAILABLE}. */
    public Optional<String> storeFailure() {
        return storeFailure;
    }

    /** Whether this refusal locked the user's TOTP codes. */
    public boolean lockedCodes() {
        return lockedCodes;
    }

    @Override
    public String toString() {
        return "Verdict[" + method + " " + outcome + " " + proof + appPassword.map(entry -> " " + entry.id()).orElse("") + "]";
    }
}
