package dev.fbchat.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Gives a test class annotated {@link AutoConfigureFbChatEmulator} a {@link FbChatEmulatorContextCustomizer}. */
final class FbChatEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureFbChatEmulator.class)
                ? new FbChatEmulatorContextCustomizer() : null;
    }
}
