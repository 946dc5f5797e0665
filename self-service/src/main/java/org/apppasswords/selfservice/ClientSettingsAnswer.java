package org.apppasswords.selfservice;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.configuration.ClientSettings.Server;

/**
 * The server settings a mail client needs besides the new app password, as the create answer's
 * {@code settings}: the user name, then each server set in {@code clients.*} as host, port and
 * security ({@code tls} or {@code starttls}), and the JMAP session URL when set. Nothing secret.
 */
final class ClientSettingsAnswer {
    private ClientSettingsAnswer() {
    }

    static Map<String, Object> of(ClientSettings clients, Username user) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("username", user.asString());
        put(settings, "imap", clients.imap());
        put(settings, "smtp", clients.smtp());
        put(settings, "pop3", clients.pop3());
        put(settings, "managesieve", clients.manageSieve());
        clients.jmap().ifPresent(url -> settings.put("jmap", url.toString()));
        return settings;
    }

    private static void put(Map<String, Object> settings, String protocol, Optional<Server> server) {
        server.ifPresent(present -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("host", present.host());
            described.put("port", present.port());
            described.put("security", present.security().name().toLowerCase(Locale.ROOT));
            settings.put(protocol, described);
        });
    }
}
