package dev.fbchat.spring.boot.autoconfigure.session;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a failed Messenger login at startup and names the property to fix. */
public final class FbChatLoginFailureAnalyzer extends AbstractFailureAnalyzer<FbChatLoginException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FbChatLoginException cause) {
        return new FailureAnalysis("The bot could not log in to Messenger: " + cause.getMessage(),
                "Check the property '" + cause.property() + "' (and 'fbchat.email'), or delete a stale "
                        + "cookie file set by 'fbchat.cookie-file'.",
                cause);
    }
}
