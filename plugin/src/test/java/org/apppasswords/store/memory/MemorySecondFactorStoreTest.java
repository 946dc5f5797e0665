package org.apppasswords.store.memory;

import org.apppasswords.store.UserGenerations;
import org.apppasswords.totp.SecondFactorStore;
import org.apppasswords.totp.SecondFactorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class MemorySecondFactorStoreTest implements SecondFactorStoreContract {
    private MemoryGenerations generations;
    private MemorySecondFactorStore store;

    @BeforeEach
    void setUp() {
        generations = new MemoryGenerations();
        store = new MemorySecondFactorStore(generations);
    }

    @Override
    public SecondFactorStore testee() {
        return store;
    }

    @Override
    public UserGenerations generations() {
        return generations;
    }
}
