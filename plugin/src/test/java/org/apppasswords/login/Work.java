package org.apppasswords.login;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.apppasswords.testing.CountingUsersRepository;

/**
 * What one login cost, counted rather than timed: our hasher's checks (app passwords, recovery
 * codes), primary-password hashes (James's or the decoy's, {@link PrimaryPasswordHashes}) and every
 * kind of call that reached James.
 */
final class Work {
    final int hashChecks;
    final int primaryHashes;
    final int jamesLookups;
    final int jamesPasswordChecks;
    final int jamesTests;
    final int jamesContains;
    final int jamesIsAdministrator;

    private Work(int hashChecks, int primaryHashes, int jamesLookups, int jamesPasswordChecks, int jamesTests, int jamesContains,
                 int jamesIsAdministrator) {
        this.hashChecks = hashChecks;
        this.primaryHashes = primaryHashes;
        this.jamesLookups = jamesLookups;
        this.jamesPasswordChecks = jamesPasswordChecks;
        this.jamesTests = jamesTests;
        this.jamesContains = jamesContains;
        this.jamesIsAdministrator = jamesIsAdministrator;
    }

    /** The work of {@code login} (whose answer is ignored: assert on it inside). */
    static Work of(LoginFixture fixture, Callable<?> login) throws Exception {
        Work before = snapshot(fixture);
        login.call();
        return snapshot(fixture).minus(before);
    }

    /** Work with the given counts and nothing asked of James. */
    static Work hashes(int hashChecks, int primaryHashes) {
        return new Work(hashChecks, primaryHashes, 0, 0, 0, 0, 0);
    }

    int jamesCalls() {
        return jamesLookups + jamesPasswordChecks + jamesTests + jamesContains + jamesIsAdministrator;
    }

    /** The hashing alone, whoever asked for it: what takes time. */
    Work hashingOnly() {
        return hashes(hashChecks, primaryHashes);
    }

    private static Work snapshot(LoginFixture fixture) {
        CountingUsersRepository james = fixture.james;
        return new Work(fixture.hasher.matches.get(), PrimaryPasswordHashes.count(), james.lookups.get(), james.passwordChecks.get(),
            james.tests.get(), james.contains.get(), james.isAdministrator.get());
    }

    private Work minus(Work before) {
        return new Work(hashChecks - before.hashChecks, primaryHashes - before.primaryHashes, jamesLookups - before.jamesLookups,
            jamesPasswordChecks - before.jamesPasswordChecks, jamesTests - before.jamesTests, jamesContains - before.jamesContains,
            jamesIsAdministrator - before.jamesIsAdministrator);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Work)) {
            return false;
        }
        Work that = (Work) o;
        return hashChecks == that.hashChecks && primaryHashes == that.primaryHashes && jamesLookups == that.jamesLookups
            && jamesPasswordChecks == that.jamesPasswordChecks && jamesTests == that.jamesTests && jamesContains == that.jamesContains
            && jamesIsAdministrator == that.jamesIsAdministrator;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hashChecks, primaryHashes, jamesLookups, jamesPasswordChecks, jamesTests, jamesContains, jamesIsAdministrator);
    }

    @Override
    public String toString() {
        return "Work[hashChecks=" + hashChecks + ", primaryHashes=" + primaryHashes + ", james: lookups=" + jamesLookups
            + ", passwordChecks=" + jamesPasswordChecks + ", tests=" + jamesTests + ", contains=" + jamesContains
            + ", isAdministrator=" + jamesIsAdministrator + "]";
    }
}
