package org.apppasswords.webadmin;

import org.apppasswords.signout.SignedInConnection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One live connection as admins see it: protocol, client address (null when James gave none),
 * since (ISO-8601, UTC), node, and what logged it in: an app password's id and label, both null
 * for the primary password (the label is null too when the app password is gone meanwhile).
 */
@JsonPropertyOrder({"protocol", "address", "since", "node", "appPasswordId", "label"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class ConnectionDto {
    private final String protocol;
    private final String address;
    private final String since;
    private final String node;
    private final String appPasswordId;
    private final String label;

    ConnectionDto(SignedInConnection connection, String node, String label) {
        this.protocol = connection.protocol();
        this.address = connection.address().orElse(null);
        this.since = connection.since().toString();
        this.node = node;
        this.appPasswordId = connection.appPasswordId().orElse(null);
        this.label = label;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getAddress() {
        return address;
    }

    public String getSince() {
        return since;
    }

    public String getNode() {
        return node;
    }

    public String getAppPasswordId() {
        return appPasswordId;
    }

    public String getLabel() {
        return label;
    }
}
