package org.apppasswords.apppassword;

import org.apppasswords.apppassword.StoredAppPassword;

/**
 * What creating an app password returns: the stored entry and, this one time, the plaintext.
 * {@link #toString()} shows the entry only.
 */
public final class CreatedAppPassword {
    private final AppPassword password;
    private final StoredAppPassword entry;

    CreatedAppPassword(AppPassword password, StoredAppPassword entry) {
        this.password = password;
        this.entry = entry;
    }

    /** The plaintext, to show the user once and never keep. */
    public AppPassword password() {
        return password;
    }

    public StoredAppPassword entry() {
        return entry;
    }

    @Override
    public String toString() {
        return "CreatedAppPassword[" + entry + ", password=[REDACTED]]";
    }
}
