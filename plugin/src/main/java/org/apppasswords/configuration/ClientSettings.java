package org.apppasswords.configuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.configuration2.Configuration;

/**
 * How mail clients reach this server from outside, the {@code clients.*} keys of
 * {@code app-passwords.properties}: James binds addresses, not the names and ports clients use
 * behind a proxy or a NAT. {@code clients.imap} and {@code clients.smtp} (together, or neither),
 * optional {@code clients.pop3} and {@code clients.managesieve}, each {@code host:port:tls} or
 * {@code host:port:starttls} (no plaintext: a password would cross the network in clear), and
 * optional {@code clients.jmap}, an {@code https} URL of the JMAP session. None: device setup and
 * autoconfig are off.
 */
public final class ClientSettings {
    static final String IMAP = "clients.imap";
    static final String SMTP = "clients.smtp";
    static final String POP3 = "clients.pop3";
    static final String MANAGE_SIEVE = "clients.managesieve";
    static final String JMAP = "clients.jmap";
    static final Set<String> KEYS = Set.of(IMAP, SMTP, POP3, MANAGE_SIEVE, JMAP);

    private static final String SERVER_EXPECTED = "host:port:tls or host:port:starttls, such as imap.example.com:993:tls";
    // A DNS name or a bracketed IPv6 literal, a port, and how the connection is protected.
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):([0-9]{1,5}):([A-Za-z]+)");

    public enum Security { TLS, STARTTLS }

    /** A server as clients reach it. */
    public static final class Server {
        private final String host;
        private final int port;
        private final Security security;

        Server(String host, int port, Security security) {
            this.host = host;
            this.port = port;
            this.security = security;
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public Security security() {
            return security;
        }
    }

    private final Optional<Server> imap;
    private final Optional<Server> smtp;
    private final Optional<Server> pop3;
    private final Optional<Server> manageSieve;
    private final Optional<URI> jmap;

    private ClientSettings(Optional<Server> imap, Optional<Server> smtp, Optional<Server> pop3, Optional<Server> manageSieve,
                           Optional<URI> jmap) {
        this.imap = imap;
        this.smtp = smtp;
        this.pop3 = pop3;
        this.manageSieve = manageSieve;
        this.jmap = jmap;
    }

    public static ClientSettings none() {
        return new ClientSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the {@code clients.*} keys; throws {@link InvalidConfigurationException} naming the key. */
    public static ClientSettings from(Configuration properties) {
        ConfigurationReader reader = new ConfigurationReader(properties);
        ClientSettings settings = new ClientSettings(server(reader, IMAP), server(reader, SMTP), server(reader, POP3),
            server(reader, MANAGE_SIEVE), jmap(reader));
        boolean any = Stream.of(settings.imap, settings.smtp, settings.pop3, settings.manageSieve, settings.jmap).anyMatch(Optional::isPresent);
        if (any && (settings.imap.isEmpty() || settings.smtp.isEmpty())) {
            throw new InvalidConfigurationException(settings.imap.isEmpty() ? IMAP : SMTP,
                SERVER_EXPECTED + " (clients.imap and clients.smtp are given together, or not at all)");
        }
        return settings;
    }

    private static Optional<Server> server(ConfigurationReader reader, String key) {
        String value = reader.string(key, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Matcher matcher = SERVER.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidConfigurationException(key, SERVER_EXPECTED);
        }
        int port = Integer.parseInt(matcher.group(3));
        Optional<Security> security = Optional.of(matcher.group(4).toUpperCase(Locale.ROOT))
            .filter(name -> name.equals("TLS") || name.equals("STARTTLS"))
            .map(Security::valueOf);
        if (port < 1 || port > 65535 || security.isEmpty()) {
            throw new InvalidConfigurationException(key, SERVER_EXPECTED);
        }
        return Optional.of(new Server(matcher.group(1), port, security.get()));
    }

    private static Optional<URI> jmap(ConfigurationReader reader) {
        String value = reader.string(JMAP, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // Refused below, without the value.
        }
        throw new InvalidConfigurationException(JMAP, "an https URL of the JMAP session, such as https://mail.example.com/jmap/session");
    }

    /** Whether clients were described: device setup and autoconfig are on. */
    public boolean configured() {
        return imap.isPresent();
    }

    public Optional<Server> imap() {
        return imap;
    }

    public Optional<Server> smtp() {
        return smtp;
    }

    public Optional<Server> pop3() {
        return pop3;
    }

    public Optional<Server> manageSieve() {
        return manageSieve;
    }

    public Optional<URI> jmap() {
        return jmap;
    }
}
