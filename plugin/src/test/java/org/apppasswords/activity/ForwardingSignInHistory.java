package org.apppasswords.activity;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;

/** A history that forwards every call: a test overrides the one it makes fail or wait. */
class ForwardingSignInHistory implements SignInHistory {
    private final SignInHistory delegate;

    ForwardingSignInHistory(SignInHistory delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(Username user, SignIn signIn) {
        delegate.add(user, signIn);
    }

    @Override
    public List<SignIn> latest(Username user, Instant since) {
        return delegate.latest(user, since);
    }

    @Override
    public void forgetBefore(Instant before) {
        delegate.forgetBefore(before);
    }

    @Override
    public void forget(Username user) {
        delegate.forget(user);
    }
}
