package dev.fbchat.spring.boot.autoconfigure.emulator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains an {@link EmbeddedEmulatorPortException}: which port, which property, and how to choose another. */
public final class EmbeddedEmulatorPortFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedEmulatorPortException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedEmulatorPortException cause) {
        return new FailureAnalysis("The embedded Messenger emulator could not listen on port " + cause.port()
                + " (fbchat.emulator.port): it is probably taken by another process.",
                "Set fbchat.emulator.port to a free port, or to 0 for any free port; or stop the process that uses "
                        + cause.port() + ".",
                cause);
    }
}
