package org.apppasswords.throttle;

import java.util.List;
import java.util.Objects;

import org.apache.james.core.Username;
import org.apppasswords.configuration.ThrottleConfiguration;

/**
 * One count of failed primary-path attempts: an account from one address, an account from every
 * address, or one address for every account. An attempt belongs to all three.
 */
public final class Scope {
    public enum Kind {
        /** One account from one address: the low limit, which locks only that address out of that account. */
        ADDRESS("address"),
        /** One account from every address: the high limit, which only delays a distributed guesser. */
        ACCOUNT("account"),
        /** One address for every account: stops one address spraying many names. */
        ADDRESS_WIDE("address-wide");

        private final String auditName;

        Kind(String auditName) {
            this.auditName = auditName;
        }

        /** The name the audit log and the metrics use. */
        public String auditName() {
            return auditName;
        }
    }

    final Kind kind;
    final Username user;
    final ClientAddress address;

    private Scope(Kind kind, Username user, ClientAddress address) {
        this.kind = kind;
        this.user = user;
        this.address = address;
    }

    /** The three scopes of an attempt at {@code user} from {@code address}. */
    static List<Scope> of(Username user, ClientAddress address) {
        return List.of(new Scope(Kind.ADDRESS, user, address), new Scope(Kind.ACCOUNT, user, null), new Scope(Kind.ADDRESS_WIDE, null, address));
    }

    /**
     * Whether {@code failure} counts in this scope. A success forgives the account's failures from
     * its address there only: the guesser sharing the owner's address (a NAT) keeps every failure in
     * the account's and the address's counts.
     */
    boolean counts(LoginFailure failure) {
        switch (kind) {
            case ADDRESS:
                return failure.user().equals(user) && failure.address().equals(address) && !failure.isForgiven();
            case ACCOUNT:
                return failure.user().equals(user);
            default:
                return failure.address().equals(address);
        }
    }

    ThrottleConfiguration.Rule rule(ThrottleConfiguration configuration) {
        switch (kind) {
            case ADDRESS:
                return configuration.address();
            case ACCOUNT:
                return configuration.account();
            default:
                return configuration.addressWide();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Scope)) {
            return false;
        }
        Scope that = (Scope) o;
        return kind == that.kind && Objects.equals(user, that.user) && Objects.equals(address, that.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, user, address);
    }

    @Override
    public String toString() {
        return kind.auditName + "[" + (user == null ? "" : user.asString()) + (address == null ? "" : " " + address) + "]";
    }
}
