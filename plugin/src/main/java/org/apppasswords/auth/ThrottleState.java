package org.apppasswords.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.james.core.Username;
import org.apppasswords.audit.LoginOrigin;
import org.apppasswords.lifecycle.UserSecrets;

/**
 * The names of the throttle's scopes in the {@link org.apppasswords.store.LoginFailureStore}: per
 * account {@code account} and {@code second-factor}, per (account, address) {@code address:ADDRESS},
 * and per address across accounts the scope {@code address-wide} of the pseudo-user
 * {@code "address-wide ADDRESS"} (a space: no James user name has one). ADDRESS is the client's
 * IPv4 address, or the /64 network of its IPv6 address (one subscriber's usual allocation), an
 * IPv4-mapped IPv6 address being read as the IPv4 address it maps. The account's scopes
 * {@code trusted:ADDRESS} note recent successes ({@link TrustedAddresses}).
 */
final class ThrottleState {
    static final String ACCOUNT = "account";
    static final String SECOND_FACTOR = UserSecrets.SECOND_FACTOR_FAILURES;
    static final String ADDRESS_PREFIX = "address:";
    static final String ADDRESS_WIDE = "address-wide";
    static final String UNKNOWN_ADDRESS = ADDRESS_PREFIX + "-";
    private static final String ADDRESS_WIDE_USER_PREFIX = ADDRESS_WIDE + " ";
    private static final int MAX_ADDRESS_LENGTH = 100;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /**
     * An address James gave is a scope of its own; attempts without one share {@code address:-}, so
     * that they can lock out only the attempts that carry no address.
     */
    static String addressScope(LoginOrigin origin) {
        return normalisedAddress(origin).map(address -> ADDRESS_PREFIX + address).orElse(UNKNOWN_ADDRESS);
    }

    /** The pseudo-user holding the {@code address-wide} count of the client's address; none without an address. */
    static Optional<Username> addressWideKey(LoginOrigin origin) {
        return normalisedAddress(origin).map(address -> Username.of(ADDRESS_WIDE_USER_PREFIX + address));
    }

    /** IPv4 as given, IPv6 as its /64 ({@code 2001:db8:0:0::/64}), IPv4-mapped IPv6 as IPv4; anything else cut and cleaned. */
    static Optional<String> normalisedAddress(LoginOrigin origin) {
        return origin.address().map(String::trim).filter(address -> !address.isEmpty()).map(ThrottleState::normalise);
    }

    private static String normalise(String given) {
        String address = given.startsWith("[") && given.endsWith("]") ? given.substring(1, given.length() - 1) : given;
        int zone = address.indexOf('%');
        address = zone < 0 ? address : address.substring(0, zone);
        if (IP_LITERAL.matcher(address).matches() && (address.contains(":") || address.chars().filter(c -> c == '.').count() == 3)) {
            try {
                // A literal only: getByName does no name lookup for one.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                    return InetAddress.getByAddress(network).getHostAddress() + "/64";
                }
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                // Not an address after all: kept as text below.
            }
        }
        String cut = address.length() > MAX_ADDRESS_LENGTH ? address.substring(0, MAX_ADDRESS_LENGTH) : address;
        return cut.replace(',', '_').replace('@', '_');
    }

    private ThrottleState() {
    }
}
