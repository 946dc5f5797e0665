package org.apppasswords.james;

import java.util.List;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.utils.GuiceProbe;
import org.apppasswords.apppassword.AppPasswordId;
import org.apppasswords.apppassword.AppPasswordService;
import org.apppasswords.apppassword.CreatedAppPassword;
import org.apppasswords.store.AppPasswordStore;
import org.apppasswords.store.StoredAppPassword;
import org.apppasswords.totp.RecoveryCode;
import org.apppasswords.totp.SecondFactorService;
import org.apppasswords.totp.TotpSecret;

/**
 * The Java API of a running server, for code that holds the {@code GuiceJamesServer} (tests,
 * the demo), the way James's own probes work. Nothing reaches it over the network.
 */
public final class AppPasswordsProbe implements GuiceProbe {
    private final AppPasswordService appPasswords;
    private final AppPasswordStore appPasswordStore;
    private final SecondFactorService secondFactors;

    @Inject
    AppPasswordsProbe(AppPasswordService appPasswords, AppPasswordStore appPasswordStore, SecondFactorService secondFactors) {
        this.appPasswords = appPasswords;
        this.appPasswordStore = appPasswordStore;
        this.secondFactors = secondFactors;
    }

    public CreatedAppPassword createAppPassword(Username user, String label) {
        return appPasswords.create(user, label);
    }

    public boolean revokeAppPassword(Username user, AppPasswordId id) {
        return appPasswordStore.revoke(user, id);
    }

    public List<StoredAppPassword> listAppPasswords(Username user) {
        return appPasswordStore.list(user);
    }

    public List<RecoveryCode> enableTotp(Username user, TotpSecret secret) {
        return secondFactors.enable(user, secret);
    }

    public boolean resetSecondFactor(Username user) {
        return secondFactors.disable(user);
    }
}
