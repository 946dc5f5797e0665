package org.apppasswords.audit;

import java.util.Optional;

import org.slf4j.MDC;

/**
 * Where a login comes from, as far as James says: its protocol handlers put the client's address
 * and the protocol name in the logging context ({@code MDC}, keys {@code ip} and {@code protocol})
 * of the thread that handles the command. Empty when the thread carries no such context.
 */
public final class LoginOrigin {
    static final String ADDRESS_KEY = "ip";
    static final String PROTOCOL_KEY = "protocol";
    static final String CONNECTION_KEY = "sessionId";

    private final Optional<String> address;
    private final Optional<String> protocol;
    private final Optional<String> connection;

    public LoginOrigin(Optional<String> address, Optional<String> protocol) {
        this(address, protocol, Optional.empty());
    }

    public LoginOrigin(Optional<String> address, Optional<String> protocol, Optional<String> connection) {
        this.address = address;
        this.protocol = protocol;
        this.connection = connection;
    }

    /** What the calling thread's logging context says. */
    public static LoginOrigin current() {
        return new LoginOrigin(nonBlank(MDC.get(ADDRESS_KEY)), nonBlank(MDC.get(PROTOCOL_KEY)), nonBlank(MDC.get(CONNECTION_KEY)));
    }

    public static LoginOrigin unknown() {
        return new LoginOrigin(Optional.empty(), Optional.empty());
    }

    public Optional<String> address() {
        return address;
    }

    public Optional<String> protocol() {
        return protocol;
    }

    /** The id James gave the connection (its session id), on protocols that keep one open. */
    public Optional<String> connection() {
        return connection;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(trimmed -> !trimmed.isEmpty());
    }

    @Override
    public String toString() {
        return "LoginOrigin{address=" + address.orElse("-") + ", protocol=" + protocol.orElse("-") + "}";
    }
}
