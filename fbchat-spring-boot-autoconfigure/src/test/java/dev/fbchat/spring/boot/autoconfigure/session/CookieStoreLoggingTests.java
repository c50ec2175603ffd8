package dev.fbchat.spring.boot.autoconfigure.session;

import java.util.Map;
import java.util.Optional;

import dev.fbchat.Session;
import dev.fbchat.spring.FbChatCookieStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Log lines name a cookie store by its {@link FbChatCookieStore#description()}, never by what it holds. */
@ExtendWith(OutputCaptureExtension.class)
class CookieStoreLoggingTests {

    /** A store whose {@code toString()}, as a record's, prints the cookies it holds; saving fails. */
    record RememberingStore(Map<String, String> cookies) implements FbChatCookieStore {

        @Override
        public Optional<Map<String, String>> load() {
            return Optional.of(this.cookies);
        }

        @Override
        public void save(Map<String, String> cookies) {
            throw new IllegalStateException("disk full while writing " + cookies);
        }
    }

    @Test
    void aFailedSaveAtShutdownNamesTheStoreButNoCookie(CapturedOutput output) {
        RememberingStore store = new RememberingStore(Map.of("xs", "SECRET-XS-VALUE"));
        new FbChatSessionCookieSaver(Session.offline("1234"), store).destroy();

        assertThat(output).contains("Could not save the session's cookies at shutdown to "
                + RememberingStore.class.getName() + " (IllegalStateException)");
        assertThat(output).doesNotContain("SECRET-XS-VALUE");
    }

    @Test
    void aFileStoreIsNamedByItsPath() {
        FileCookieStore store = new FileCookieStore(java.nio.file.Path.of("/tmp/bot-cookies.json"));
        assertThat(store.description()).isEqualTo("FileCookieStore[/tmp/bot-cookies.json]");
    }
}
