package dev.fbchat.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's preinitializer is found by Spring Boot, stays out of the way when the starter is off, and does its work. */
class FbChatPreinitializerTests {

    @Test
    void isRegisteredAsAnApplicationListener() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
            .hasAtLeastOneElementOfType(FbChatPreinitializer.class);
    }

    @Test
    void runsWhenTheStarterIsOnAndASecondProcessorIsThere() {
        assertThat(FbChatPreinitializer.isWanted(new MockEnvironment(), 2)).isTrue();
        assertThat(FbChatPreinitializer.isWanted(new MockEnvironment().withProperty("fbchat.enabled", "true"), 2))
            .isTrue();
    }

    @Test
    void staysIdleWhenTheStarterIsOffOrOnOneProcessor() {
        assertThat(FbChatPreinitializer.isWanted(new MockEnvironment().withProperty("fbchat.enabled", "false"), 2))
            .isFalse();
        assertThat(FbChatPreinitializer.isWanted(new MockEnvironment().withProperty("fbchat.enabled", " FALSE "), 2))
            .isFalse();
        assertThat(FbChatPreinitializer.isWanted(new MockEnvironment(), 1)).isFalse();
    }

    @Test
    void preparesTheHttpStackWithoutARequest() {
        assertThat(FbChatPreinitializer.preinitialize()).isTrue();
    }
}
