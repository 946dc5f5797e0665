package org.apppasswords.store.memory;

import org.apppasswords.apppassword.AppPasswordStore;
import org.apppasswords.session.SelfServiceSessionStore;
import org.apppasswords.store.UserGenerations;
import org.apppasswords.store.UserGenerationsContract;
import org.apppasswords.totp.SecondFactorStore;
import org.junit.jupiter.api.BeforeEach;

/** The three memory stores around one {@link MemoryGenerations}, as {@code MemoryStoreModule} builds them. */
class MemoryUserGenerationsTest implements UserGenerationsContract {
    private MemoryGenerations generations;
    private MemoryAppPasswordStore appPasswords;
    private MemorySelfServiceSessionStore sessions;
    private MemorySecondFactorStore secondFactors;

    @BeforeEach
    void setUp() {
        generations = new MemoryGenerations();
        appPasswords = new MemoryAppPasswordStore(generations);
        sessions = new MemorySelfServiceSessionStore(generations);
        secondFactors = new MemorySecondFactorStore(generations);
    }

    @Override
    public AppPasswordStore appPasswords() {
        return appPasswords;
    }

    @Override
    public SelfServiceSessionStore sessions() {
        return sessions;
    }

    @Override
    public SecondFactorStore secondFactors() {
        return secondFactors;
    }

    @Override
    public UserGenerations generations() {
        return generations;
    }
}
