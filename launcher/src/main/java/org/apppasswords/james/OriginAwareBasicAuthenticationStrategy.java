package org.apppasswords.james;

import org.apache.james.jmap.http.AuthenticationChallenge;
import org.apache.james.jmap.http.AuthenticationStrategy;
import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.mailbox.MailboxSession;
import org.apache.james.user.api.UsersRepository;

import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/**
 * JMAP Basic authentication (RFC 8621) exactly as James 3.8.1's {@link BasicAuthenticationStrategy}
 * does it (header parsing, challenge, 401 on bad credentials, no delegation), each request handed a
 * repository that knows the request's client address ({@link JmapRequestUsersRepository}): James's
 * own strategy checks the password on a scheduler thread without it. James's strategy holds no
 * state but its two collaborators, so one per request costs an allocation.
 */
final class OriginAwareBasicAuthenticationStrategy implements AuthenticationStrategy {
    private final UsersRepository usersRepository;
    private final MailboxManager mailboxManager;

    OriginAwareBasicAuthenticationStrategy(UsersRepository usersRepository, MailboxManager mailboxManager) {
        this.usersRepository = usersRepository;
        this.mailboxManager = mailboxManager;
    }

    @Override
    public Mono<MailboxSession> createMailboxSession(HttpServerRequest httpRequest) {
        return new BasicAuthenticationStrategy(new JmapRequestUsersRepository(usersRepository, httpRequest), mailboxManager)
            .createMailboxSession(httpRequest);
    }

    @Override
    public AuthenticationChallenge correspondingChallenge() {
        return new BasicAuthenticationStrategy(usersRepository, mailboxManager).correspondingChallenge();
    }
}
