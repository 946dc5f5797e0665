package org.apppasswords.configuration;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import javax.mail.internet.AddressException;

import org.apache.commons.configuration2.Configuration;
import org.apache.james.core.MailAddress;

/**
 * The {@code notifications.*} keys of {@code app-passwords.properties}: whether security notices
 * are mailed ({@code notifications.enabled}, default true), from whom ({@code notifications.from},
 * default James's postmaster) and to which extra address a copy of each goes
 * ({@code notifications.bcc}, default none: a security team's mailbox). The link of a notice to the
 * app passwords page is built from {@code clients.jmap}'s origin, when set.
 */
public final class NotificationSettings {
    static final String ENABLED = "notifications.enabled";
    static final String FROM = "notifications.from";
    static final String BCC = "notifications.bcc";
    static final Set<String> KEYS = Set.of(ENABLED, FROM, BCC);
    /** Where the self-service page is served, on the JMAP port (the API's root, without ui/, answers 404). */
    static final String PAGE_PATH = "/app-passwords-api/ui/";

    private final boolean enabled;
    private final Optional<MailAddress> from;
    private final Optional<MailAddress> bcc;
    private final Optional<URI> page;

    private NotificationSettings(boolean enabled, Optional<MailAddress> from, Optional<MailAddress> bcc, Optional<URI> page) {
        this.enabled = enabled;
        this.from = from;
        this.bcc = bcc;
        this.page = page;
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings(true, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Reads the {@code notifications.*} keys; throws {@link InvalidConfigurationException} naming the key. */
    public static NotificationSettings from(Configuration properties, ClientSettings clients) {
        ConfigurationReader reader = new ConfigurationReader(properties);
        Optional<URI> page = clients.jmap().map(jmap -> jmap.resolve(PAGE_PATH));
        return new NotificationSettings(reader.bool(ENABLED, true), address(reader, FROM), address(reader, BCC), page);
    }

    private static Optional<MailAddress> address(ConfigurationReader reader, String key) {
        String value = reader.string(key, "");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MailAddress(value));
        } catch (AddressException e) {
            throw new InvalidConfigurationException(key, "a mail address, such as security@example.com");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Empty: James's postmaster. */
    public Optional<MailAddress> from() {
        return from;
    }

    public Optional<MailAddress> bcc() {
        return bcc;
    }

    /** The app passwords page as users reach it, when {@code clients.jmap} says where that is. */
    public Optional<URI> page() {
        return page;
    }
}
