package dev.fbchat.test;

import dev.fbchat.emulator.MessengerEmulator;
import dev.fbchat.emulator.driver.EmulatorDriver;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Messenger emulator for a plain JUnit 5 test class: started before its tests, closed after them; test methods and
 * constructors may take the {@link MessengerEmulator} and an {@link EmulatorDriver} as parameters.
 *
 * <pre>{@code
 * @ExtendWith(FbChatEmulatorExtension.class)
 * class MyBotTests {
 *     @Test
 *     void replies(MessengerEmulator emulator, EmulatorDriver driver) { ... }
 * }
 * }</pre>
 */
public final class FbChatEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(FbChatEmulatorExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put(MessengerEmulator.class, MessengerEmulator.start(0));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        MessengerEmulator emulator = context.getStore(NAMESPACE).remove(MessengerEmulator.class, MessengerEmulator.class);
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MessengerEmulator.class || type == EmulatorDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MessengerEmulator emulator = context.getRoot() == context ? null
                : context.getStore(NAMESPACE).get(MessengerEmulator.class, MessengerEmulator.class);
        if (emulator == null) {
            throw new IllegalStateException("FbChatEmulatorExtension starts its emulator before all tests of a class");
        }
        return parameter.getParameter().getType() == MessengerEmulator.class ? emulator
                : new EmulatorDriver(emulator.baseUrl());
    }
}
