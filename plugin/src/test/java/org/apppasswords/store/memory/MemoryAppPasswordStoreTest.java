package org.apppasswords.store.memory;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.apppassword.AppPasswordStoreContract;
import org.apppasswords.store.UserGenerations;
import org.junit.jupiter.api.BeforeEach;

class MemoryAppPasswordStoreTest implements AppPasswordStoreContract {
    private MemoryGenerations generations;
    private MemoryAppPasswordStore store;

    @BeforeEach
    void setUp() {
        generations = new MemoryGenerations();
        store = new MemoryAppPasswordStore(generations);
    }

    @Override
    public AppPasswordStore testee() {
        return store;
    }

    @Override
    public UserGenerations generations() {
        return generations;
    }
}
