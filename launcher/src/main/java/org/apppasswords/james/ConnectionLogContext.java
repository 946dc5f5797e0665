package org.apppasswords.james;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.james.util.MDCBuilder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;

/**
 * Puts the logging context James bound to a connection when it opened (client address, protocol
 * name, session id; behind the PROXY protocol, the proxied client) on the thread that handles
 * each read of that connection, for the length of the read.
 *
 * <p>Why: James 3.8.1 sets that context around a command, but not around a line that a command
 * pushed a handler for. The SASL response a client sends after the server's continuation ({@code +}
 * in IMAP {@code AUTHENTICATE PLAIN}, {@code 334} in SMTP {@code AUTH PLAIN}) is checked by such a
 * handler, synchronously inside the read, so the login checks could not tell where it came from
 * ({@code LoginOrigin}), nor the throttle count it per address. James's own context, where it sets
 * one inside the read, carries the same values. The thread's context is restored after each read:
 * event loop threads serve many connections in turn.
 */
@ChannelHandler.Sharable
final class ConnectionLogContext extends ChannelInboundHandlerAdapter {
    static final String NAME = "app-passwords-connection-log-context";

    private final Function<Channel, Optional<MDCBuilder>> boundContext;

    /** {@code boundContext}: where James keeps the context it bound to a connection, empty until it has. */
    ConnectionLogContext(Function<Channel, Optional<MDCBuilder>> boundContext) {
        this.boundContext = boundContext;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Optional<MDCBuilder> bound = boundContext.apply(ctx.channel());
        if (bound.isEmpty()) {
            ctx.fireChannelRead(msg);
            return;
        }
        try (ThreadLogContext restored = ThreadLogContext.save()) {
            // build() puts the values; what it returns would only remove them, restored puts back all.
            bound.get().build();
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Adds this handler to every connection the server accepts, just before the handler named
     * {@code before}, once James's own initializer (already set on {@code bootstrap}) has laid out
     * the pipeline. {@code before} must be a handler that runs on the channel's event loop, as
     * this one does: the read must reach it on the same thread, inside this handler's scope.
     */
    void joinEveryConnection(ServerBootstrap bootstrap, String before) {
        ChannelHandler jamesInitializer = Objects.requireNonNull(bootstrap.config().childHandler(),
            "James sets its pipeline initializer before configuring the bootstrap");
        bootstrap.childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                // Added to a registered channel, James's initializer runs at once and removes itself.
                channel.pipeline().addLast(jamesInitializer);
                channel.pipeline().addBefore(before, NAME, ConnectionLogContext.this);
            }
        });
    }
}
