package org.apppasswords.activity;

import org.apache.james.core.Username;

/**
 * A user's credential (an app password's id, or a method) used from an address: the key of what
 * the login path remembers it already told or recorded. Hashed once, so that a look-up builds no
 * string on the login path.
 */
public final class CredentialAtAddress {
    private final Username user;
    private final String credential;
    private final String address;
    private final int hash;

    public CredentialAtAddress(Username user, String credential, String address) {
        this.user = user;
        this.credential = credential;
        this.address = address;
        this.hash = (user.hashCode() * 31 + credential.hashCode()) * 31 + address.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CredentialAtAddress)) {
            return false;
        }
        CredentialAtAddress that = (CredentialAtAddress) o;
        return hash == that.hash && user.equals(that.user) && credential.equals(that.credential) && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
