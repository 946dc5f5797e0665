package org.apppasswords.james;

import java.util.Optional;

import javax.inject.Provider;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServer;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.imapserver.netty.ImapChannelUpstreamHandler;
import org.apache.james.imapserver.netty.ImapMetrics;
import org.apache.james.imapserver.netty.NettyConstants;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.util.MDCBuilder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;

/**
 * James's IMAP servers, each connection read inside the logging context James bound to it
 * ({@link ConnectionLogContext}), so that an {@code AUTHENTICATE PLAIN} answered after James's
 * {@code +} is checked knowing its client address. The context joins the pipeline before James's
 * request decoder, where that answer is handed to the line handler the command pushed. Every
 * connection is also kept ({@link ServerConnections}), to be signed out on a revocation.
 */
final class OriginAwareImapServerFactory extends IMAPServerFactory {
    private final ConnectionLogContext logContext = new ConnectionLogContext(OriginAwareImapServerFactory::boundContext);

    private final ServerConnections connections;

    OriginAwareImapServerFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                 Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                 ServerConnections connections) {
        super(fileSystem, decoder, encoder, processor, metricFactory, gaugeRegistry);
        this.connections = connections;
    }

    @Override
    protected IMAPServer createServer() {
        return new OriginAwareImapServer(decoder.get(), encoder.get(), processor.get(), imapMetrics, gaugeRegistry, logContext, connections);
    }

    /** Set when James's core handler sees the connection open, refreshed by a PROXY protocol header. */
    private static Optional<MDCBuilder> boundContext(Channel channel) {
        return Optional.ofNullable(channel.attr(NettyConstants.IMAP_SESSION_ATTRIBUTE_KEY).get())
            .map(session -> session.getAttribute(ImapChannelUpstreamHandler.MDC_KEY))
            .filter(MDCBuilder.class::isInstance)
            .map(MDCBuilder.class::cast);
    }

    private static final class OriginAwareImapServer extends IMAPServer {
        private final ConnectionLogContext logContext;
        private final ServerConnections connections;

        OriginAwareImapServer(ImapDecoder decoder, ImapEncoder encoder, ImapProcessor processor, ImapMetrics imapMetrics,
                              GaugeRegistry gaugeRegistry, ConnectionLogContext logContext, ServerConnections connections) {
            super(decoder, encoder, processor, imapMetrics, gaugeRegistry);
            this.logContext = logContext;
            this.connections = connections;
        }

        @Override
        protected void configureBootstrap(ServerBootstrap bootstrap) {
            super.configureBootstrap(bootstrap);
            logContext.joinEveryConnection(bootstrap, NettyConstants.REQUEST_DECODER);
            connections.keepEveryConnection(bootstrap);
        }
    }
}
