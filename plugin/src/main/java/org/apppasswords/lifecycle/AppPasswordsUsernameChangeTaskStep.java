package org.apppasswords.lifecycle;

import javax.inject.Inject;

import org.apache.james.core.Username;
import org.apache.james.user.api.UsernameChangeTaskStep;
import org.reactivestreams.Publisher;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One step of James's username-change task ({@code POST /users/{old}/rename/{new}?action=rename}):
 * moves the old name's app passwords and TOTP enrolment to the new name and ends the old name's
 * self-service sessions. The launcher adds it to James's {@code UsernameChangeTaskStep} set.
 * Re-running it (James's {@code fromStep}) is harmless: the old name then holds nothing.
 */
public final class AppPasswordsUsernameChangeTaskStep implements UsernameChangeTaskStep {
    static final StepName NAME = new StepName("AppPasswordsUsernameChangeTaskStep");
    // After James's own steps (forwards, delegation, filters, mailboxes use 0 to 4 in 3.8.1): the
    // user's mail moves first, then the credentials that open it.
    static final int PRIORITY = 10;

    private final UserSecrets userSecrets;

    @Inject
    public AppPasswordsUsernameChangeTaskStep(UserSecrets userSecrets) {
        this.userSecrets = userSecrets;
    }

    @Override
    public StepName name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Publisher<Void> changeUsername(Username oldUsername, Username newUsername) {
        // The stores are blocking: keep them off reactive threads.
        return Mono.<Void>fromRunnable(() -> userSecrets.move(oldUsername, newUsername))
            .subscribeOn(Schedulers.boundedElastic());
    }
}
