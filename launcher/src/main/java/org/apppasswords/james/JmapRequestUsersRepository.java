package org.apppasswords.james;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.apache.james.util.MDCBuilder;
import org.apppasswords.repository.ForwardingUsersRepository;
import org.slf4j.MDC;

import reactor.netty.http.server.HttpServerRequest;

/**
 * The users repository as one JMAP HTTP request sees it: {@code test} runs with the request's
 * client address (its TCP peer, written as James writes a socket client's, {@code 127.0.0.1}) and
 * the protocol {@code JMAP} in the thread's logging context, where the login checks read a
 * login's origin ({@code LoginOrigin}).
 *
 * <p>Why a view per request: James 3.8.1 checks JMAP passwords ({@code BasicAuthenticationStrategy},
 * draft-JMAP {@code /authentication}) in a reactive chain, on a shared scheduler thread, with
 * nothing of the request in reach but the repository it was given. Only {@code test} is scoped:
 * it is all those two call. Forwarded headers are not read (a client can write any address there).
 */
final class JmapRequestUsersRepository extends ForwardingUsersRepository {
    static final String PROTOCOL = "JMAP";

    private final Optional<String> address;
    private final Optional<String> connection;

    /** {@code connection}: the id of the connection a JMAP push holds open, which the login path notes the login under. */
    JmapRequestUsersRepository(UsersRepository delegate, HttpServerRequest request, Optional<String> connection) {
        super(delegate);
        this.connection = connection;
        this.address = Optional.ofNullable(request.remoteAddress())
            .map(InetSocketAddress::getAddress)
            .map(inetAddress -> inetAddress.getHostAddress());
    }

    @Override
    public boolean test(Username name, String password) throws UsersRepositoryException {
        try (ThreadLogContext restored = ThreadLogContext.save()) {
            address.ifPresentOrElse(value -> MDC.put(MDCBuilder.IP, value), () -> MDC.remove(MDCBuilder.IP));
            MDC.put(MDCBuilder.PROTOCOL, PROTOCOL);
            // Never another connection's, left on this shared thread.
            connection.ifPresentOrElse(value -> MDC.put(MDCBuilder.SESSION_ID, value), () -> MDC.remove(MDCBuilder.SESSION_ID));
            return delegate.test(name, password);
        }
    }
}
