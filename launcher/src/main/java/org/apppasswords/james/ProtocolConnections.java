package org.apppasswords.james;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;
import org.apache.james.protocols.pop3.POP3Session;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnections;

import io.netty.channel.Channel;

/**
 * This node's live IMAP, POP3 and SMTP connections, kept by the launcher's servers, each told how
 * to read James's session on a connection and how to say goodbye in its protocol. ManageSieve and
 * JMAP push are not kept: James 3.8.1 gives the launcher no way into their servers (README, "Known limits").
 */
final class ProtocolConnections implements LocalConnections {
    // The protocol names James puts in the connection's logging context, which the login path notes the login under.
    private static final String IMAP = "IMAP";
    private static final String POP3 = "POP3";
    private static final String SMTP = "SMTP";

    final ServerConnections imap;
    final ServerConnections pop3;
    final ServerConnections smtp;

    ProtocolConnections(SignedInConnections signedIn) {
        imap = new ServerConnections(IMAP, "* BYE Signed out: the password of this connection was revoked", new ImapSessions(), signedIn);
        pop3 = new ServerConnections(POP3, "-ERR Signed out: the password of this connection was revoked",
            new ProtocolSessions(session -> ((POP3Session) session).getHandlerState() == POP3Session.TRANSACTION), signedIn);
        smtp = new ServerConnections(SMTP, "421 4.7.0 Signed out: the password of this connection was revoked",
            new ProtocolSessions(session -> true), signedIn);
    }

    @Override
    public boolean keeps(String protocol) {
        return protocol.equals(IMAP) || protocol.equals(POP3) || protocol.equals(SMTP);
    }

    @Override
    public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
        imap.end(user, openedWith, loggedInBefore);
        pop3.end(user, openedWith, loggedInBefore);
        smtp.end(user, openedWith, loggedInBefore);
    }

    private static final class ImapSessions implements ServerConnections.Sessions {
        @Override
        public Optional<String> id(Channel channel) {
            return session(channel).map(session -> session.sessionId().asString());
        }

        @Override
        public Optional<Username> loggedInUser(Channel channel) {
            return session(channel)
                .map(ImapSession::getMailboxSession)
                .map(mailboxSession -> mailboxSession.getLoggedInUser().orElse(mailboxSession.getUser()));
        }

        private static Optional<ImapSession> session(Channel channel) {
            return Optional.ofNullable(channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).get());
        }
    }

    /** POP3 and SMTP: James's protocols library. {@code loggedIn}: whether its user name is a login's (POP3 keeps USER's name before PASS). */
    private static final class ProtocolSessions implements ServerConnections.Sessions {
        private final Predicate<ProtocolSession> loggedIn;

        ProtocolSessions(Predicate<ProtocolSession> loggedIn) {
            this.loggedIn = loggedIn;
        }

        @Override
        public Optional<String> id(Channel channel) {
            return session(channel).map(ProtocolSession::getSessionID);
        }

        @Override
        public Optional<Username> loggedInUser(Channel channel) {
            return session(channel).filter(loggedIn).map(ProtocolSession::getUsername);
        }

        private static Optional<ProtocolSession> session(Channel channel) {
            return Optional.ofNullable(channel.attr(BasicChannelInboundHandler.SESSION_ATTRIBUTE_KEY).get())
                .filter(ProtocolSession.class::isInstance)
                .map(ProtocolSession.class::cast);
        }
    }
}
