package org.apppasswords.james;

import java.util.Optional;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.protocols.netty.BasicChannelInboundHandler;
import org.apache.james.protocols.netty.HandlerConstants;
import org.apache.james.smtpserver.netty.SMTPServer;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.smtpserver.netty.SmtpMetrics;
import org.apache.james.util.MDCBuilder;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;

/**
 * James's SMTP servers, each connection read inside the logging context James bound to it
 * ({@link ConnectionLogContext}), so that an {@code AUTH PLAIN} answered after James's {@code 334}
 * is checked knowing its client address. James's core handler sets that context for a command but
 * hands a pushed line handler the line without it; ours joins the pipeline just before it, on the
 * same event loop (James's framer runs on another executor: before it, the context would not follow).
 * Every connection is also kept ({@link ServerConnections}), to be signed out on a revocation.
 */
final class OriginAwareSmtpServerFactory extends SMTPServerFactory {
    private final ConnectionLogContext logContext = new ConnectionLogContext(OriginAwareSmtpServerFactory::boundContext);

    private final ServerConnections connections;

    OriginAwareSmtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem, MetricFactory metricFactory,
                                 ServerConnections connections) {
        super(dns, loader, fileSystem, metricFactory);
        this.connections = connections;
    }

    @Override
    protected SMTPServer createServer() {
        return new OriginAwareSmtpServer(smtpMetrics, logContext, connections);
    }

    /**
     * Set when James's core handler sees the connection open, refreshed by a PROXY protocol header;
     * with the session id, which James adds only around a command (the login path notes the login under it).
     */
    private static Optional<MDCBuilder> boundContext(Channel channel) {
        return Optional.ofNullable(channel.attr(BasicChannelInboundHandler.SESSION_ATTRIBUTE_KEY).get())
            .filter(ProtocolSession.class::isInstance)
            .map(ProtocolSession.class::cast)
            .flatMap(session -> session.getAttachment(BasicChannelInboundHandler.MDC_ATTRIBUTE_KEY, ProtocolSession.State.Connection)
                .map(bound -> MDCBuilder.create().addToContext(MDCBuilder.SESSION_ID, session.getSessionID()).addToContext(bound)));
    }

    private static final class OriginAwareSmtpServer extends SMTPServer {
        private final ConnectionLogContext logContext;
        private final ServerConnections connections;

        OriginAwareSmtpServer(SmtpMetrics smtpMetrics, ConnectionLogContext logContext, ServerConnections connections) {
            super(smtpMetrics);
            this.logContext = logContext;
            this.connections = connections;
        }

        @Override
        protected void configureBootstrap(ServerBootstrap bootstrap) {
            super.configureBootstrap(bootstrap);
            logContext.joinEveryConnection(bootstrap, HandlerConstants.CORE_HANDLER);
            connections.keepEveryConnection(bootstrap);
        }
    }
}
