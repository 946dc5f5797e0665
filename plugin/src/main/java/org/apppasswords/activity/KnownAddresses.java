package org.apppasswords.activity;

import org.apache.james.core.Username;

/**
 * The client addresses each app password was created or used from, so that a use from a new one is
 * told to its user once, on every node of one store. Bounded: an app password keeps at most
 * {@value #KEPT_PER_APP_PASSWORD} (an attacker holding one and many addresses must not fill the
 * store nor the user's mailbox). A user's go with their sign-ins ({@link SignInHistory#forget}). Blocking.
 */
public interface KnownAddresses {
    int KEPT_PER_APP_PASSWORD = 50;

    /**
     * Notes that {@code address} was seen for that app password. @return true only for the first
     * call with this address, on any node; false when it was known, or when the app password already
     * keeps {@value #KEPT_PER_APP_PASSWORD} addresses
     */
    boolean add(Username user, String appPasswordId, String address);
}
