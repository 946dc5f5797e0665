package org.apppasswords.james;

import java.util.Set;

import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.jmap.core.JmapRfc8621Configuration;
import org.apache.james.jmap.http.AuthenticationStrategy;
import org.apache.james.jmap.http.BasicAuthenticationStrategy;
import org.apache.james.jmap.rfc8621.RFC8621MethodsModule;
import org.apache.james.mailbox.MailboxManager;
import org.apache.james.managesieveserver.netty.ManageSieveServerFactory;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.pop3server.netty.POP3ServerFactory;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.smtpserver.netty.SMTPServerFactory;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.utils.GuiceGenericLoader;
import org.apppasswords.signout.LocalConnections;
import org.apppasswords.signout.SignedInConnections;

import com.google.common.collect.ImmutableSet;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;

/**
 * Where a login comes from, on the exchanges where James 3.8.1 checks the password without saying
 * it: the login checks read the client address and the protocol from the thread's logging context
 * ({@code LoginOrigin}), for the throttle's per-address counts, the audit log and an app password's
 * last use. James's IMAP and SMTP servers are replaced by the same servers that keep the
 * connection's context around every read (SASL responses sent after a continuation), and JMAP
 * Basic by James's own strategy given each request's address. Draft-JMAP {@code /authentication}
 * gets the same in {@link DraftJmapAuthenticationModule}. POP3, ManageSieve, IMAP {@code LOGIN}
 * and the SASL initial-response forms already carry James's context. The IMAP, POP3, SMTP and
 * ManageSieve servers and JMAP push also keep their connections ({@link ProtocolConnections}), to
 * sign them out on a revocation.
 */
final class LoginOriginModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(POP3ServerFactory.class).to(SignedOutPop3ServerFactory.class).in(Scopes.SINGLETON);
        bind(ManageSieveServerFactory.class).to(SignedOutManageSieveServerFactory.class).in(Scopes.SINGLETON);
    }

    @Provides
    @Singleton
    IMAPServerFactory imapServerFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                        Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry,
                                        ProtocolConnections connections) {
        return new OriginAwareImapServerFactory(fileSystem, decoder, encoder, processor, metricFactory, gaugeRegistry, connections.imap);
    }

    @Provides
    @Singleton
    SMTPServerFactory smtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem, MetricFactory metricFactory,
                                        ProtocolConnections connections) {
        return new OriginAwareSmtpServerFactory(dns, loader, fileSystem, metricFactory, connections.smtp);
    }

    @Provides
    @Singleton
    ProtocolConnections protocolConnections(SignedInConnections signedIn) {
        return new ProtocolConnections(signedIn);
    }

    /** Replaces the extension's default (no connection kept): a revocation ends the connections it concerns. */
    @Provides
    @Singleton
    LocalConnections localConnections(ProtocolConnections connections) {
        return connections;
    }

    /**
     * The strategies {@code jmap.properties} names ({@code authentication.strategy.rfc8621}),
     * instantiated by James's own provider, with James's Basic strategy (exactly that class, not a
     * subclass an operator configured) replaced by {@link OriginAwareBasicAuthenticationStrategy}.
     */
    @Provides
    @Singleton
    @Named("jmapRFC8621AuthenticationStrategies")
    Set<AuthenticationStrategy> rfc8621AuthenticationStrategies(GuiceGenericLoader loader, JmapRfc8621Configuration configuration,
                                                                UsersRepository usersRepository, MailboxManager mailboxManager,
                                                                ProtocolConnections connections) {
        return new RFC8621MethodsModule().provideAuthenticationStrategies(loader, configuration).stream()
            .map(strategy -> strategy.getClass() == BasicAuthenticationStrategy.class
                ? new OriginAwareBasicAuthenticationStrategy(usersRepository, mailboxManager, connections.jmapPush)
                : strategy)
            .collect(ImmutableSet.toImmutableSet());
    }
}
