package org.apppasswords.james;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.imap.api.process.ImapSession;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnections;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The live IMAP connections of this node, and their sign-out: a revocation (relayed to every node
 * by {@code SignOutRelay}) writes an untagged {@code BYE} to each connection it concerns and closes
 * it, IDLE or not (James 3.8.1 has no disconnector of its own). Which connection a revocation concerns: one of the user's (the user
 * who logged in, not one they act for), selected by what logged it in ({@link SignedInConnections},
 * noted by the login path under James's session id).
 */
final class ImapConnections implements LocalConnections {
    private static final byte[] BYE = "* BYE Signed out: the password of this connection was revoked\r\n"
        .getBytes(StandardCharsets.US_ASCII);

    // Drops closed channels by itself.
    private final ChannelGroup channels = new DefaultChannelGroup("app-passwords-imap", GlobalEventExecutor.INSTANCE);
    private final SignedInConnections signedIn;

    ImapConnections(SignedInConnections signedIn) {
        this.signedIn = signedIn;
    }

    /** A connection the server accepted: kept until it closes, when what logged it in is forgotten. */
    void opened(Channel channel) {
        channels.add(channel);
        // Netty completes the close future before James's channelInactive clears the session.
        channel.closeFuture().addListener(closed -> sessionOf(channel).ifPresent(session -> signedIn.closed(session.sessionId().asString())));
    }

    @Override
    public void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
        for (Channel channel : channels) {
            sessionOf(channel)
                .filter(session -> loggedInUser(session).equals(Optional.of(user)))
                .filter(session -> signedIn.selects(session.sessionId().asString(), openedWith, loggedInBefore))
                .ifPresent(session -> channel.writeAndFlush(Unpooled.wrappedBuffer(BYE)).addListener(ChannelFutureListener.CLOSE));
        }
    }

    private static Optional<ImapSession> sessionOf(Channel channel) {
        return Optional.ofNullable(channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).get());
    }

    private static Optional<Username> loggedInUser(ImapSession session) {
        return Optional.ofNullable(session.getMailboxSession())
            .map(mailboxSession -> mailboxSession.getLoggedInUser().orElse(mailboxSession.getUser()));
    }
}
