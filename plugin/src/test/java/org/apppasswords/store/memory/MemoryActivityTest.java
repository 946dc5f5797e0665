package org.apppasswords.store.memory;

import org.apppasswords.activity.ActivityStoreContract;
import org.apppasswords.activity.KnownAddresses;
import org.apppasswords.activity.SignInHistory;

class MemoryActivityTest implements ActivityStoreContract {
    private final MemoryActivity activity = new MemoryActivity();

    @Override
    public SignInHistory history() {
        return activity;
    }

    @Override
    public KnownAddresses knownAddresses() {
        return activity;
    }
}
