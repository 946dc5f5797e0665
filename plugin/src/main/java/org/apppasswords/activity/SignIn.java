package org.apppasswords.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One sign-in as the user's history shows it: when, over what, from where, with what and how it
 * ended. Nothing secret: an app password appears by its public id and its label.
 */
public final class SignIn {
    /** Longest label kept, in code points (an app password's label is at most 64, counted so). */
    static final int MAX_LABEL_LENGTH = 64;
    static final int MAX_PROTOCOL_LENGTH = 32;
    static final int MAX_ADDRESS_LENGTH = 64;
    private static final Pattern NOT_IN_A_PROTOCOL = Pattern.compile("[^A-Za-z0-9_-]");
    private static final Pattern NOT_IN_AN_ADDRESS = Pattern.compile("[^0-9A-Fa-f.:]");

    /** What was presented, as far as the answer tells: never which part of it was wrong. */
    public enum Method {
        APP_PASSWORD("app-password"), PASSWORD("password"), PASSWORD_AND_CODE("password+code"),
        PASSWORD_AND_RECOVERY_CODE("password+recovery-code");

        private final String apiName;

        Method(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Method> fromApiName(String name) {
            for (Method method : values()) {
                if (method.apiName.equals(name)) {
                    return Optional.of(method);
                }
            }
            return Optional.empty();
        }
    }

    public enum Outcome {
        SUCCESS("success"), REFUSED("refused"), LOCKED("locked");

        private final String apiName;

        Outcome(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Outcome> fromApiName(String name) {
            for (Outcome outcome : values()) {
                if (outcome.apiName.equals(name)) {
                    return Optional.of(outcome);
                }
            }
            return Optional.empty();
        }
    }

    private final Instant at;
    private final String protocol;
    private final Optional<String> address;
    private final Method method;
    private final Optional<String> appPasswordId;
    private final Optional<String> label;
    private final Outcome outcome;

    /**
     * @param protocol as James names it ({@code IMAP}, {@code SMTP}...), or {@code SELF-SERVICE}
     * @param address the client's IP address literal, when known
     */
    public SignIn(Instant at, String protocol, Optional<String> address, Method method, Optional<String> appPasswordId,
                  Optional<String> label, Outcome outcome) {
        this.at = Objects.requireNonNull(at, "at");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.address = Objects.requireNonNull(address, "address");
        this.method = Objects.requireNonNull(method, "method");
        this.appPasswordId = Objects.requireNonNull(appPasswordId, "appPasswordId");
        this.label = Objects.requireNonNull(label, "label").map(SignIn::shortened);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    private static String shortened(String label) {
        // By code points, as AppPasswordLabel counts: 64 emoji are 128 chars, and a cut between chars would split one.
        return label.length() <= MAX_LABEL_LENGTH || label.codePointCount(0, label.length()) <= MAX_LABEL_LENGTH ? label
            : label.substring(0, label.offsetByCodePoints(0, MAX_LABEL_LENGTH));
    }

    public Instant at() {
        return at;
    }

    public String protocol() {
        return protocol;
    }

    public Optional<String> address() {
        return address;
    }

    public Method method() {
        return method;
    }

    public Optional<String> appPasswordId() {
        return appPasswordId;
    }

    public Optional<String> label() {
        return label;
    }

    public Outcome outcome() {
        return outcome;
    }

    /**
     * This sign-in as a store keeps it: the protocol as letters, digits, {@code -} and {@code _}, the
     * address as the characters of an IP literal, each cut to its column (James wrote them into a
     * logging context; nothing else should reach the store). Not on the login path: it costs two regex passes.
     */
    public SignIn kept() {
        String keptProtocol = cut(NOT_IN_A_PROTOCOL.matcher(protocol).replaceAll(""), MAX_PROTOCOL_LENGTH);
        Optional<String> keptAddress = address.map(text -> cut(NOT_IN_AN_ADDRESS.matcher(text).replaceAll(""), MAX_ADDRESS_LENGTH))
            .filter(text -> !text.isEmpty());
        return new SignIn(at, keptProtocol.isEmpty() ? "-" : keptProtocol, keptAddress, method, appPasswordId, label, outcome);
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    /** The shape both activity routes answer: {@code at, protocol, address, method, appPasswordId, label, outcome} (null when unknown). */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", at.toString());
        json.put("protocol", protocol);
        json.put("address", address.orElse(null));
        json.put("method", method.apiName);
        json.put("appPasswordId", appPasswordId.orElse(null));
        json.put("label", label.orElse(null));
        json.put("outcome", outcome.apiName);
        return json;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SignIn)) {
            return false;
        }
        SignIn that = (SignIn) o;
        return at.equals(that.at) && protocol.equals(that.protocol) && address.equals(that.address) && method == that.method
            && appPasswordId.equals(that.appPasswordId) && label.equals(that.label) && outcome == that.outcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(at, protocol, address, method, appPasswordId, label, outcome);
    }

    @Override
    public String toString() {
        return "SignIn[" + at + " " + protocol + " " + address.orElse("-") + " " + method.apiName + " "
            + appPasswordId.orElse("-") + " " + outcome.apiName + "]";
    }
}
