package dev.fbchat.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The starter's background preinitializer is found by Spring Boot and does its work without network or error. */
class FbChatBackgroundPreinitializerTests {

    @Test
    void isRegisteredWithSpringBootsPreinitializers() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(BackgroundPreinitializer.class))
            .hasAtLeastOneElementOfType(FbChatBackgroundPreinitializer.class);
    }

    @Test
    void preparesTheHttpStackWithoutARequest() {
        assertThatNoException().isThrownBy(() -> new FbChatBackgroundPreinitializer().preinitialize());
    }
}
