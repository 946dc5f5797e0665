package org.apppasswords.scope;

import java.util.Arrays;
import java.util.Optional;

/** A protocol an app password may be limited to: its name in our API, and James's name for it in the logging context. */
public enum MailProtocol {
    IMAP("imap", "IMAP"),
    POP3("pop3", "POP3"),
    SMTP("smtp", "SMTP"),
    JMAP("jmap", "JMAP"),
    MANAGESIEVE("managesieve", "MANAGE-SIEVE");

    private final String apiName;
    private final String jamesName;

    MailProtocol(String apiName, String jamesName) {
        this.apiName = apiName;
        this.jamesName = jamesName;
    }

    /** The name in the self-service API, the WebAdmin lists and the store. */
    public String apiName() {
        return apiName;
    }

    public static Optional<MailProtocol> fromApiName(String name) {
        return Arrays.stream(values()).filter(protocol -> protocol.apiName.equals(name)).findFirst();
    }

    /** The protocol of a login, as James's logging context names it ({@code MANAGE-SIEVE}...). */
    public static Optional<MailProtocol> fromJamesName(String name) {
        return Arrays.stream(values()).filter(protocol -> protocol.jamesName.equals(name)).findFirst();
    }
}
