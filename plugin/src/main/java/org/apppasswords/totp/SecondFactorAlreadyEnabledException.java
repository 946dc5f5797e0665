package org.apppasswords.totp;

/** Enabling TOTP was refused because it is already on; the message is safe to show a client. */
public final class SecondFactorAlreadyEnabledException extends RuntimeException {
    public SecondFactorAlreadyEnabledException() {
        super("TOTP is already enabled: disable it before enrolling again");
    }
}
