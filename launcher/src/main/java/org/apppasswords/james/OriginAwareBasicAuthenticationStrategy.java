package org.apppasswords.james;

import java.util.Optional;
import java.util.Set;

import org.apache.james.jmap.http.AuthenticationChallenge;
import org.apache.james.jmap.http.AuthenticationStrategy;
import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.user.api.UsersRepository;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;

/**
 * JMAP Basic authentication (RFC 8621) exactly as James 3.8.1's {@link BasicAuthenticationStrategy}
 * does it (header parsing, challenge, 401 on bad credentials, no delegation), each request handed a
 * repository that knows the request's client address ({@link JmapRequestUsersRepository}): James's
 * own strategy checks the password on a scheduler thread without it. James's strategy holds no
 * state but its two collaborators, so one per request costs an allocation. The connection of a
 * JMAP push request (WebSocket, EventSource) is kept ({@link ServerConnections}) and its login noted
 * under the connection's id, to be signed out on a revocation as IMAP's are.
 */
final class OriginAwareBasicAuthenticationStrategy implements AuthenticationStrategy {
    // James's paths of JMAP push (RFC 8887 WebSocket, RFC 8620 EventSource): one request holds the connection open.
    private static final Set<String> PUSH_PATHS = Set.of("/jmap/ws", "/eventSource");

    private final UsersRepository usersRepository;
    private final MailboxManager mailboxManager;
    private final ServerConnections pushConnections;

    OriginAwareBasicAuthenticationStrategy(UsersRepository usersRepository, MailboxManager mailboxManager, ServerConnections pushConnections) {
        this.usersRepository = usersRepository;
        this.mailboxManager = mailboxManager;
        this.pushConnections = pushConnections;
    }

    @Override
    public Mono<MailboxSession> createMailboxSession(HttpServerRequest httpRequest) {
        Optional<String> pushConnection = pushChannel(httpRequest).map(channel -> {
            pushConnections.keep(channel);
            return ProtocolConnections.jmapConnectionId(channel);
        });
        return new BasicAuthenticationStrategy(new JmapRequestUsersRepository(usersRepository, httpRequest, pushConnection), mailboxManager)
            .createMailboxSession(httpRequest);
    }

    /** The connection of a JMAP push request, kept to be signed out; James's server hands it over as its Reactor Netty connection. */
    private static Optional<Channel> pushChannel(HttpServerRequest httpRequest) {
        return Optional.of(httpRequest)
            .filter(request -> PUSH_PATHS.contains(request.fullPath()))
            .filter(Connection.class::isInstance)
            .map(request -> ((Connection) request).channel());
    }

    @Override
    public AuthenticationChallenge correspondingChallenge() {
        return new BasicAuthenticationStrategy(usersRepository, mailboxManager).correspondingChallenge();
    }
}
