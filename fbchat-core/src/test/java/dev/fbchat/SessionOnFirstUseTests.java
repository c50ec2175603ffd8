package dev.fbchat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A session of {@link Session#onFirstUse} is made once, by its first use, and a failed making is tried again. */
class SessionOnFirstUseTests {

    @Test
    void isMadeByItsFirstUseOnly() {
        AtomicInteger made = new AtomicInteger();
        Session session = Session.onFirstUse(() -> {
            made.incrementAndGet();
            return Session.offline("42");
        });

        assertThat(session.isMade()).isFalse();
        assertThat(session).hasToString("Session[not made yet]");
        assertThat(made).hasValue(0);

        assertThat(session.user().id()).isEqualTo("42");
        assertThat(session.user().id()).isEqualTo("42");
        assertThat(session.isMade()).isTrue();
        assertThat(session).hasToString("Session[user=42]");
        assertThat(made).hasValue(1);
    }

    @Test
    void aFailedMakingIsThrownToTheUseAndTriedAgainByTheNext() {
        AtomicInteger attempts = new AtomicInteger();
        Session session = Session.onFirstUse(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Facebook cannot be reached");
            }
            return Session.offline("7");
        });

        assertThatIllegalStateException().isThrownBy(session::requests).withMessage("Facebook cannot be reached");
        assertThat(session.isMade()).isFalse();
        assertThat(session.user().id()).isEqualTo("7");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aListenerCanBeBuiltBeforeTheSessionIsMade() {
        Session session = Session.onFirstUse(() -> {
            throw new AssertionError("not to be made");
        });

        dev.fbchat.listen.Listener.builder(session).build().disconnect();

        assertThat(session.isMade()).isFalse();
    }

    @Test
    void renewingMakesTheSessionFirst() {
        Session session = Session.onFirstUse(() -> Session.offline("9"));

        session.renewFrom(Session.offline("9"));

        assertThat(session.isMade()).isTrue();
        assertThat(session.user().id()).isEqualTo("9");
    }
}
