package org.apppasswords.throttle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apppasswords.audit.LoginOrigin;

/**
 * Where an attempt comes from, as the throttle counts it: an IPv4 address as given, an IPv6 address
 * as its /64 network (one subscriber's usual allocation, so that one attacker is one address), an
 * IPv4-mapped IPv6 address as the IPv4 address it maps, and {@link #UNKNOWN} for attempts James
 * gave no address for: those share one scope, rather than none.
 */
public final class ClientAddress {
    public static final ClientAddress UNKNOWN = new ClientAddress("-");
    /** The longest stored form; anything longer is not an address James writes and is cut. */
    public static final int MAX_LENGTH = 64;
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final String value;

    private ClientAddress(String value) {
        this.value = value;
    }

    public static ClientAddress of(LoginOrigin origin) {
        return origin.address().map(String::trim).filter(address -> !address.isEmpty())
            .map(ClientAddress::normalise).orElse(UNKNOWN);
    }

    /** A value read back from a store, already normalised. */
    public static ClientAddress stored(String value) {
        return value.equals(UNKNOWN.value) ? UNKNOWN : new ClientAddress(value);
    }

    private static ClientAddress normalise(String given) {
        String address = given.startsWith("[") && given.endsWith("]") ? given.substring(1, given.length() - 1) : given;
        int zone = address.indexOf('%');
        address = zone < 0 ? address : address.substring(0, zone);
        if (IPV4.matcher(address).matches() || IPV6.matcher(address).matches()) {
            try {
                // A literal only, strictly: getByName looks up any other text as a host name.
                byte[] bytes = InetAddress.getByName(address).getAddress();
                if (bytes.length == 16) {
                    byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
                    return new ClientAddress(InetAddress.getByAddress(network).getHostAddress() + "/64");
                }
                return new ClientAddress(InetAddress.getByAddress(bytes).getHostAddress());
            } catch (UnknownHostException e) {
                // Not an address after all: kept as text below.
            }
        }
        String cut = address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
        return new ClientAddress(cut.equals(UNKNOWN.value) ? "_" : cut);
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    public String asString() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientAddress && ((ClientAddress) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
