package org.apppasswords.store.memory;

import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemorySecondFactorStoreTest implements SecondFactorStoreContract {
    private MemorySecondFactorStore store;

    @BeforeEach
    void setUp() {
        store = new MemorySecondFactorStore();
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }
}
