package org.apppasswords.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.james.core.Username;

/**
 * Each user's recent sign-ins, shared by every node of one store. Bounded: a user keeps the
 * {@value #KEPT_PER_USER} latest, of which at most {@value #REFUSALS_KEPT_PER_USER} refusals, none
 * older than {@link #KEPT_FOR}. Blocking. Every backend passes {@code ActivityStoreContract}, with
 * {@link KnownAddresses}.
 */
public interface SignInHistory {
    int KEPT_PER_USER = 50;
    /**
     * Refused and locked sign-ins keep at most this many places: otherwise anyone, an intruder
     * included, could push a success out of the list with {@value #KEPT_PER_USER} wrong passwords.
     * Hiding a success now takes {@value #KEPT_PER_USER} - {@value #REFUSALS_KEPT_PER_USER} newer
     * successes, each listed.
     */
    int REFUSALS_KEPT_PER_USER = 25;
    Duration KEPT_FOR = Duration.ofDays(30);

    /**
     * Adds a sign-in, then drops the user's refusals beyond the {@value #REFUSALS_KEPT_PER_USER}
     * latest and what the user holds beyond the {@value #KEPT_PER_USER} latest.
     */
    void add(Username user, SignIn signIn);

    /** The user's sign-ins at or after {@code since}, newest first, at most {@value #KEPT_PER_USER}. */
    List<SignIn> latest(Username user, Instant since);

    /** Drops every user's sign-ins before {@code before}. */
    void forgetBefore(Instant before);

    /** Drops the user's sign-ins and the addresses known to their app passwords ({@link KnownAddresses}): the user left James. */
    void forget(Username user);
}
