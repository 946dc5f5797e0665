package org.apppasswords.selfservice;

import java.util.Optional;

import org.apppasswords.configuration.ClientSettings;
import org.apppasswords.configuration.ClientSettings.Server;

/**
 * A Mozilla autoconfig document (clientConfig 1.1): IMAP and POP3 as incoming servers, SMTP as
 * the outgoing one, each with the address as user name and the password typed in the client (an
 * app password). Every value written is escaped, though the hosts were validated at start and the
 * domain is one of James's.
 */
final class AutoconfigXml {
    private AutoconfigXml() {
    }

    static String of(ClientSettings clients, String domain) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<clientConfig version=\"1.1\">\n")
            .append("  <emailProvider id=\"").append(escape(domain)).append("\">\n")
            .append("    <domain>").append(escape(domain)).append("</domain>\n")
            .append("    <displayName>").append(escape(domain)).append("</displayName>\n")
            .append("    <displayShortName>").append(escape(domain)).append("</displayShortName>\n");
        server(xml, "incomingServer", "imap", clients.imap());
        server(xml, "incomingServer", "pop3", clients.pop3());
        server(xml, "outgoingServer", "smtp", clients.smtp());
        return xml.append("  </emailProvider>\n</clientConfig>\n").toString();
    }

    private static void server(StringBuilder xml, String element, String type, Optional<Server> server) {
        server.ifPresent(present -> xml.append("    <").append(element).append(" type=\"").append(type).append("\">\n")
            .append("      <hostname>").append(escape(present.host())).append("</hostname>\n")
            .append("      <port>").append(present.port()).append("</port>\n")
            .append("      <socketType>").append(present.security() == ClientSettings.Security.TLS ? "SSL" : "STARTTLS")
            .append("</socketType>\n")
            .append("      <authentication>password-cleartext</authentication>\n")
            .append("      <username>%EMAILADDRESS%</username>\n")
            .append("    </").append(element).append(">\n"));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
