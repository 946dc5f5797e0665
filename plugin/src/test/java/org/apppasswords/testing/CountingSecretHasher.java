package org.apppasswords.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.apppasswords.hashing.SecretHasher;

/** Counts the hash checks a login costs. */
public final class CountingSecretHasher implements SecretHasher {
    private final SecretHasher delegate;
    public final AtomicInteger matches = new AtomicInteger();

    public CountingSecretHasher(SecretHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public String hash(String secret) {
        return delegate.hash(secret);
    }

    @Override
    public boolean matches(String secret, String encodedHash) {
        matches.incrementAndGet();
        return delegate.matches(secret, encodedHash);
    }

    @Override
    public String dummyHash() {
        return delegate.dummyHash();
    }
}
