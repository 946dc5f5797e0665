package org.apppasswords.james;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.apache.james.core.Username;
import org.apppasswords.signout.OpenedWith;
import org.apppasswords.signout.SignedInConnections;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The live connections of one of James's servers on this node (IMAP, POP3, SMTP, ManageSieve,
 * JMAP push), and their sign-out: a revocation (relayed to every node by {@code SignOutRelay}) writes the protocol's
 * goodbye to each connection it concerns and closes it, IDLE or not (James 3.8.1 has no
 * disconnector of its own). Which connection a revocation concerns: one of the user's (the user
 * who logged in, not one they act for), selected by what logged it in ({@link SignedInConnections},
 * noted by the login path under James's session id).
 */
final class ServerConnections {
    /** What James's session on a connection says. */
    interface Sessions {
        /** James's session id, the one in the connection's logging context; empty once James let the session go. */
        Optional<String> id(Channel channel);

        /** The user who logged in, not one they act for; empty before the login. */
        Optional<Username> loggedInUser(Channel channel);
    }

    private final String protocol;
    // Drops closed channels by itself.
    private final ChannelGroup channels;
    private final Function<Channel, Object> goodbye;
    private final Sessions sessions;
    private final SignedInConnections signedIn;

    /** {@code goodbye}: the line, without its CRLF, that tells the client why the server closes. */
    ServerConnections(String protocol, String goodbye, Sessions sessions, SignedInConnections signedIn) {
        this(protocol, channel -> Unpooled.wrappedBuffer((goodbye + "\r\n").getBytes(StandardCharsets.US_ASCII)), sessions, signedIn);
    }

    /** {@code goodbye}: what the connection is written last (a message its pipeline encodes), before it closes. */
    ServerConnections(String protocol, Function<Channel, Object> goodbye, Sessions sessions, SignedInConnections signedIn) {
        this.protocol = protocol;
        this.channels = new DefaultChannelGroup("app-passwords-" + protocol, GlobalEventExecutor.INSTANCE);
        this.goodbye = goodbye;
        this.sessions = sessions;
        this.signedIn = signedIn;
    }

    /** Keeps every connection the server accepts, from a server's {@code configureBootstrap}, once James configured it. */
    void keepEveryConnection(ServerBootstrap bootstrap) {
        ChannelHandler jamesInitializer = bootstrap.config().childHandler();
        bootstrap.childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(jamesInitializer);
                keep(channel);
            }
        });
    }

    /** Kept until it closes, when what logged it in is forgotten. */
    void keep(Channel channel) {
        channels.add(channel);
        // Netty completes the close future before James's channelInactive lets the session go.
        channel.closeFuture().addListener(closed -> key(channel).ifPresent(signedIn::closed));
    }

    void end(Username user, OpenedWith openedWith, Instant loggedInBefore) {
        for (Channel channel : channels) {
            boolean concerned = sessions.loggedInUser(channel).equals(Optional.of(user))
                && key(channel).filter(key -> signedIn.selects(key, openedWith, loggedInBefore)).isPresent();
            if (concerned) {
                // writeAndFlush goes through the whole pipeline (TLS, COMPRESS), from any thread.
                channel.writeAndFlush(goodbye.apply(channel)).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    /** What the login path noted the connection under: its protocol and James's id for it there. */
    private Optional<String> key(Channel channel) {
        return sessions.id(channel).map(id -> SignedInConnections.key(protocol, id));
    }
}
