package org.apppasswords.james;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.james.core.Username;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.managesieve.api.Session;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;
import org.apache.james.protocols.pop3.POP3Session;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnections;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.AttributeKey;

/**
 * This node's live IMAP, POP3, SMTP, ManageSieve and JMAP push connections, kept by the launcher's
 * servers (JMAP push: by its Basic authentication), each told how to read James's session on a
 * connection and how to say goodbye in its protocol.
 */
final class ProtocolConnections implements LocalConnections {
    // The protocol names James puts in the connection's logging context, which the login path notes the login under.
    private static final String IMAP = "IMAP";
    private static final String POP3 = "POP3";
    private static final String SMTP = "SMTP";
    private static final String JMAP = JmapRequestUsersRepository.PROTOCOL;
    private static final String MANAGE_SIEVE = "MANAGE-SIEVE";
    private static final Set<String> KEPT = Set.of(IMAP, POP3, SMTP, JMAP, MANAGE_SIEVE);
    private static final AttributeKey<Session> MANAGE_SIEVE_SESSION = org.apache.james.managesieveserver.netty.NettyConstants.SESSION_ATTRIBUTE_KEY;

    final ServerConnections imap;
    final ServerConnections pop3;
    final ServerConnections smtp;
    final ServerConnections jmapPush;
    final ServerConnections manageSieve;

    ProtocolConnections(SignedInConnections signedIn) {
        imap = new ServerConnections(IMAP, "* BYE Signed out: the password of this connection was revoked", new ImapSessions(), signedIn);
        pop3 = new ServerConnections(POP3, "-ERR Signed out: the password of this connection was revoked",
            new ProtocolSessions(session -> ((POP3Session) session).getHandlerState() == POP3Session.TRANSACTION), signedIn);
        smtp = new ServerConnections(SMTP, "421 4.7.0 Signed out: the password of this connection was revoked",
            new ProtocolSessions(session -> true), signedIn);
        jmapPush = new ServerConnections(JMAP, ProtocolConnections::jmapGoodbye, new JmapPushSessions(signedIn), signedIn);
        manageSieve = new ServerConnections(MANAGE_SIEVE, "BYE \"Signed out: the password of this connection was revoked\"",
            new ManageSieveSessions(), signedIn);
    }

    /** The id a JMAP push connection's login is noted under: Netty's id of the channel (HTTP has no session). */
    static String jmapConnectionId(Channel channel) {
        return channel.id().asLongText();
    }

    /** A WebSocket is told why it closes (1008); an EventSource stream just ends, as HTTP allows nothing else. */
    private static Object jmapGoodbye(Channel channel) {
        return channel.pipeline().get(WebSocketFrameEncoder.class) != null
            ? new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION.code(), "Signed out: the password of this connection was revoked")
            : Unpooled.EMPTY_BUFFER;
    }

    @Override
    public boolean keeps(String protocol) {
        return KEPT.contains(protocol);
    }

    @Override
    public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
        imap.end(user, openedWith, loggedInBefore);
        pop3.end(user, openedWith, loggedInBefore);
        smtp.end(user, openedWith, loggedInBefore);
        jmapPush.end(user, openedWith, loggedInBefore);
        manageSieve.end(user, openedWith, loggedInBefore);
    }

    /** ManageSieve: its session id is Netty's short id of the channel (James's logging context says so). */
    private static final class ManageSieveSessions implements ServerConnections.Sessions {
        @Override
        public Optional<String> id(Channel channel) {
            return Optional.of(channel.id().asShortText());
        }

        @Override
        public Optional<Username> loggedInUser(Channel channel) {
            return Optional.ofNullable(channel.attr(MANAGE_SIEVE_SESSION).get())
                .filter(Session::isAuthenticated)
                .map(Session::getUser);
        }
    }

    /** JMAP push: only the connections a login was noted on (the login path is told their id), by that login's user. */
    private static final class JmapPushSessions implements ServerConnections.Sessions {
        private final SignedInConnections signedIn;

        JmapPushSessions(SignedInConnections signedIn) {
            this.signedIn = signedIn;
        }

        @Override
        public Optional<String> id(Channel channel) {
            return Optional.of(jmapConnectionId(channel));
        }

        @Override
        public Optional<Username> loggedInUser(Channel channel) {
            return signedIn.userOf(SignedInConnections.key(JMAP, jmapConnectionId(channel)));
        }
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

    /**
     * POP3 and SMTP: James's protocols library. {@code loggedIn}: whether the session's user name is
     * a login's (POP3 keeps the name of {@code USER} before {@code PASS}).
     */
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
