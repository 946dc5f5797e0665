package org.apppasswords.scope;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The protocols an app password logs in with, fixed at its creation: all of them (unscoped, as every
 * app password made before scopes), or a non-empty subset. A scoped password is refused where the
 * protocol of the login cannot be told (fail closed); an unscoped one is not.
 */
public final class ProtocolScope {
    private static final ProtocolScope ALL = new ProtocolScope(EnumSet.allOf(MailProtocol.class));

    private final Set<MailProtocol> protocols;

    private ProtocolScope(Set<MailProtocol> protocols) {
        this.protocols = protocols;
    }

    public static ProtocolScope all() {
        return ALL;
    }

    /** The scope of {@code protocols}: all when it names every protocol; refused when empty. */
    public static ProtocolScope of(Collection<MailProtocol> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("An app password needs at least one protocol");
        }
        EnumSet<MailProtocol> set = EnumSet.copyOf(protocols);
        return set.size() == MailProtocol.values().length ? ALL : new ProtocolScope(set);
    }

    /**
     * The scope of API names ({@code imap}, {@code smtp}...); throws {@link IllegalArgumentException},
     * whose message names the allowed values (and never more than a short part of the input), for an
     * empty list or an unknown name.
     */
    public static ProtocolScope ofApiNames(List<String> names) {
        EnumSet<MailProtocol> protocols = EnumSet.noneOf(MailProtocol.class);
        for (String name : names) {
            protocols.add(MailProtocol.fromApiName(name).orElseThrow(() -> new IllegalArgumentException(
                "'protocols' may only hold " + allowedNames() + ": not '" + printable(name) + "'")));
        }
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("'protocols' must name at least one of " + allowedNames() + ", or be left out for all");
        }
        return of(protocols);
    }

    /** Whether a login over {@code jamesProtocol} (James's name, empty when it cannot be told) may use it. */
    public boolean allows(Optional<String> jamesProtocol) {
        return this == ALL || jamesProtocol.flatMap(MailProtocol::fromJamesName).filter(protocols::contains).isPresent();
    }

    public boolean isAll() {
        return this == ALL;
    }

    /** The API names, in a fixed order. */
    public List<String> apiNames() {
        return protocols.stream().map(MailProtocol::apiName).collect(Collectors.toList());
    }

    /** The stored form: empty for all, else the API names joined by commas. */
    public Optional<String> stored() {
        return isAll() ? Optional.empty() : Optional.of(String.join(",", apiNames()));
    }

    /**
     * The scope a stored form describes: all when empty. A name this version does not know (a newer
     * node's) is left out, never widening the scope; nothing known left allows nothing.
     */
    public static ProtocolScope fromStored(Optional<String> stored) {
        if (stored.isEmpty()) {
            return ALL;
        }
        EnumSet<MailProtocol> protocols = EnumSet.noneOf(MailProtocol.class);
        for (String name : stored.get().split(",")) {
            MailProtocol.fromApiName(name.trim()).ifPresent(protocols::add);
        }
        return protocols.size() == MailProtocol.values().length ? ALL : new ProtocolScope(protocols);
    }

    private static String allowedNames() {
        return ALL.apiNames().toString();
    }

    private static String printable(String name) {
        String cut = name.length() > 16 ? name.substring(0, 16) + "..." : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProtocolScope && ((ProtocolScope) other).protocols.equals(protocols);
    }

    @Override
    public int hashCode() {
        return protocols.hashCode();
    }

    @Override
    public String toString() {
        return isAll() ? "all" : String.join(",", apiNames());
    }
}
