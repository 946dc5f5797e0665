package org.apppasswords.throttle;

import static org.apppasswords.throttle.ThrottleFixture.ADDRESS_MAX;
import static org.apppasswords.throttle.ThrottleFixture.ATTACKER;
import static org.apppasswords.throttle.ThrottleFixture.BOB;
import static org.apppasswords.throttle.ThrottleFixture.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apppasswords.store.jdbc.TestDatabases;
import org.apppasswords.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key rules over the default store, H2, shared by two nodes: guesses spread over the nodes share
 * one count, a success forgets only its own address, and a value repeated on one node writes
 * nothing (another node, with its own fingerprint key, counts it once more: a documented limit).
 */
class ThrottleOnH2Test {
    private ThrottleFixture node;
    private ThrottleFixture otherNode;

    @BeforeEach
    void setUp() {
        node = new ThrottleFixture(TestDatabases.emptyH2().loginFailures(), ThrottleFixture.limits(ADDRESS_MAX, 100, 100),
            new MutableClock(ThrottleFixture.START));
        otherNode = node.anotherNode();
    }

    @Test
    void guessesSpreadOverTwoNodesShouldShareOneCount() {
        for (int i = 0; i < ADDRESS_MAX; i++) {
            (i % 2 == 0 ? node : otherNode).fail(BOB, ATTACKER, 1);
        }

        assertThat(node.logIn(BOB, ATTACKER)).isFalse();
        assertThat(otherNode.logIn(BOB, ATTACKER)).isFalse();
        assertThat(otherNode.logIn(BOB, OWNER)).as("another address").isTrue();
    }

    @Test
    void aSuccessOnOneNodeShouldForgiveItsAddressForBoth() {
        node.fail(BOB, ATTACKER, ADDRESS_MAX - 1);
        node.fail(BOB, OWNER, 1);
        assertThat(otherNode.logIn(BOB, ATTACKER)).isTrue();

        node.fail(BOB, ATTACKER, ADDRESS_MAX - 1);

        assertThat(node.logIn(BOB, ATTACKER)).isTrue();
        assertThat(node.stored(BOB, OWNER).failures()).filteredOn(failure -> !failure.isForgiven())
            .extracting(failure -> failure.address().asString()).containsExactly(OWNER);
    }

    @Test
    void aValueRepeatedOnOneNodeShouldWriteNothing() {
        node.fail(BOB, ATTACKER, "stale");
        node.clock.advance(Duration.ofMinutes(1));
        node.fail(BOB, ATTACKER, "stale");

        assertThat(node.stored(BOB, ATTACKER).failures()).singleElement()
            .satisfies(failure -> assertThat(failure.at()).isEqualTo(ThrottleFixture.START));
    }

    @Test
    void aValueRepeatedOnAnotherNodeShouldCountOnceMore() {
        node.fail(BOB, ATTACKER, "stale");
        otherNode.fail(BOB, ATTACKER, "stale");
        otherNode.fail(BOB, ATTACKER, "stale");

        assertThat(node.stored(BOB, ATTACKER).failures()).hasSize(2);
    }
}
