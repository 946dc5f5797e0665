package org.apppasswords.activity;

import org.apache.james.core.Username;

/** Where logins leave their sign-in for the user's history; called on the login thread, so it must not block. */
public interface SignInRecorder {
    /** Records nothing: the benchmarks' baseline, and tests that do not look at the history. */
    SignInRecorder NONE = (user, signIn) -> {
    };

    void record(Username user, SignIn signIn);
}
