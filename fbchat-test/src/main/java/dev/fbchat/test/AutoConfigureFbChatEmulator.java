package dev.fbchat.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest}'s bot against a Messenger emulator started for its application context: the starter
 * logs in as the emulator's bot account (cookies in a temporary file), and the context holds the
 * {@link dev.fbchat.emulator.MessengerEmulator} and an {@link dev.fbchat.emulator.driver.EmulatorDriver} to inject.
 * The context is ready once the bot listens (its listener connected), so a test's first message reaches it. The
 * emulator stops with the context.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureFbChatEmulator
 * class EchoBotTests {
 *     @Autowired EmulatorDriver driver;
 *
 *     @Test
 *     void echoes() {
 *         Conversation.with(driver, "alice").say("hello").expectReply("hello", Duration.ofSeconds(2));
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFbChatEmulator {
}
