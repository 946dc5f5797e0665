package org.apppasswords.james;

import javax.inject.Provider;
import javax.inject.Singleton;

import org.apache.james.dnsservice.api.DNSService;
import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.imap.api.process.ImapProcessor;
import org.apache.james.imap.decode.ImapDecoder;
import org.apache.james.imap.encode.ImapEncoder;
import org.apache.james.imapserver.netty.IMAPServerFactory;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.lib.handler.ProtocolHandlerLoader;
import org.apache.james.smtpserver.netty.SMTPServerFactory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/**
 * Where a login comes from, on the exchanges where James 3.8.1 checks the password without saying
 * it: the login checks read the client address and the protocol from the thread's logging context
 * ({@code LoginOrigin}), for the throttle's per-address counts, the audit log and an app password's
 * last use. James's IMAP and SMTP servers are replaced by the same servers that keep the
 * connection's context around every read (SASL responses sent after a continuation). POP3,
 * ManageSieve, IMAP {@code LOGIN} and the SASL initial-response forms already carry James's
 * context.
 */
final class LoginOriginModule extends AbstractModule {
    @Provides
    @Singleton
    IMAPServerFactory imapServerFactory(FileSystem fileSystem, Provider<ImapDecoder> decoder, Provider<ImapEncoder> encoder,
                                        Provider<ImapProcessor> processor, MetricFactory metricFactory, GaugeRegistry gaugeRegistry) {
        return new OriginAwareImapServerFactory(fileSystem, decoder, encoder, processor, metricFactory, gaugeRegistry);
    }

    @Provides
    @Singleton
    SMTPServerFactory smtpServerFactory(DNSService dns, ProtocolHandlerLoader loader, FileSystem fileSystem, MetricFactory metricFactory) {
        return new OriginAwareSmtpServerFactory(dns, loader, fileSystem, metricFactory);
    }
}
