package org.apppasswords.e2e;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Every exchange by which a client proves a password to James 3.8.1, the SASL forms told apart
 * (response on the command line, or after the server's continuation), with the protocol name James
 * writes in its logging context for it. Each answers true or false; anything else fails the test.
 */
enum LoginPath {
    IMAP_LOGIN("IMAP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return Protocol.IMAP_LOGIN.login(ports, user, password);
        }
    },
    IMAP_AUTHENTICATE_PLAIN_INITIAL_RESPONSE("IMAP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return Protocol.IMAP_AUTHENTICATE_PLAIN.login(ports, user, password);
        }
    },
    IMAP_AUTHENTICATE_PLAIN_AFTER_CONTINUATION("IMAP") {
        /**
         * James 3.8.1 can lose its answer to this form (apache/james-project#2304, fixed later): the
         * exchange is tried again when no answer comes.
         */
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            for (int attempt = 1; ; attempt++) {
                try {
                    return Protocol.imapAuthenticatePlainAfterContinuation(ports, user, password);
                } catch (SocketTimeoutException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
        }
    },
    POP3("POP3") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return Protocol.POP3.login(ports, user, password);
        }
    },
    SMTP_AUTH_PLAIN_INITIAL_RESPONSE("SMTP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws IOException {
            Protocol.rememberSent("", user, password);
            try (LineConnection smtp = greetedSmtp(ports)) {
                smtp.writeLine("AUTH PLAIN " + LineConnection.saslPlain("", user, password));
                return smtpOutcome(smtp.readUntil("235", "535"));
            }
        }
    },
    SMTP_AUTH_PLAIN_AFTER_CONTINUATION("SMTP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws IOException {
            Protocol.rememberSent("", user, password);
            try (LineConnection smtp = greetedSmtp(ports)) {
                smtp.writeLine("AUTH PLAIN");
                smtp.readUntil("334");
                smtp.writeLine(LineConnection.saslPlain("", user, password));
                return smtpOutcome(smtp.readUntil("235", "535"));
            }
        }
    },
    JMAP_BASIC("JMAP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return Protocol.JMAP_BASIC.login(ports, user, password);
        }
    },
    /** James 3.8.1's draft-JMAP {@code POST /authentication}: true when it grants an access token. */
    DRAFT_JMAP_AUTHENTICATION("JMAP") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) {
            int status = DraftJmapClient.accessTokenStatus(ports, user, password);
            if (status != DraftJmapClient.CREATED && status != DraftJmapClient.UNAUTHORIZED) {
                throw new AssertionError("draft-JMAP /authentication answered " + status + ", neither success nor refusal");
            }
            return status == DraftJmapClient.CREATED;
        }
    },
    MANAGESIEVE("MANAGE-SIEVE") {
        @Override
        boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception {
            return Protocol.MANAGESIEVE.login(ports, user, password);
        }
    };

    /** The {@code protocol} value James writes for this exchange in its logging context. */
    final String protocolName;

    LoginPath(String protocolName) {
        this.protocolName = protocolName;
    }

    abstract boolean login(JamesConfDirectory.Ports ports, String user, String password) throws Exception;

    private static LineConnection greetedSmtp(JamesConfDirectory.Ports ports) throws IOException {
        LineConnection smtp = new LineConnection(ports.smtp);
        smtp.readUntil("220 ");
        smtp.writeLine("EHLO client.test");
        smtp.readUntil("250 ");
        return smtp;
    }

    private static boolean smtpOutcome(String reply) {
        return reply.startsWith("235");
    }
}
