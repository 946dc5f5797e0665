package org.apppasswords.store.memory;

import org.apppasswords.store.SecondFactorStore;
import org.apppasswords.store.SecondFactorStoreContract;
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
