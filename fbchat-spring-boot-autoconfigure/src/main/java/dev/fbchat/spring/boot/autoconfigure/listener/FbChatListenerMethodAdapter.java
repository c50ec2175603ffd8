package dev.fbchat.spring.boot.autoconfigure.listener;

import java.lang.reflect.Method;

import dev.fbchat.FacebookError;
import dev.fbchat.event.Event;
import dev.fbchat.event.ThreadEvent;
import dev.fbchat.spring.FbChatListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * One {@link FbChatListener} method as an application listener: skips the bot's own events
 * unless asked, applies the condition, sends a returned {@code String} to the event's thread
 * instead of publishing it, and keeps a failing handler from affecting any other.
 */
public class FbChatListenerMethodAdapter extends ApplicationListenerMethodAdapter {

    private static final Logger log = LoggerFactory.getLogger(FbChatListenerMethodAdapter.class);

    private final boolean includeOwn;

    private final String description;

    public FbChatListenerMethodAdapter(String beanName, Class<?> targetClass, Method method) {
        super(beanName, targetClass, method);
        FbChatListener annotation = AnnotatedElementUtils.findMergedAnnotation(method, FbChatListener.class);
        this.includeOwn = annotation != null && annotation.includeOwn();
        this.description = targetClass.getSimpleName() + "." + method.getName();
    }

    @Override
    public void processEvent(ApplicationEvent applicationEvent) {
        Event event = fbchatEvent(applicationEvent);
        if (event != null && !this.includeOwn && isOwn(event)) {
            return;
        }
        @Nullable Object[] args = resolveArguments(applicationEvent);
        if (args == null || !shouldHandle(applicationEvent)) {
            return;
        }
        Object result;
        try {
            result = doInvoke(args);
        }
        catch (RuntimeException | Error ex) {
            log.error("Handler {} failed on {}; the listener goes on", this.description,
                    event == null ? "an event" : event.getClass().getSimpleName(), ex);
            return;
        }
        if (result != null) {
            reply(event, result);
        }
    }

    private void reply(@Nullable Event event, Object result) {
        if (!(result instanceof String text)) {
            log.warn("Handler {} returned a {}; only a String is sent as a reply", this.description,
                    result.getClass().getSimpleName());
            return;
        }
        if (!(event instanceof ThreadEvent threadEvent)) {
            log.warn("Handler {} returned a reply to an event that has no thread; nothing sent", this.description);
            return;
        }
        try {
            threadEvent.thread().sendText(text);
        }
        catch (FacebookError | IllegalArgumentException ex) {
            log.error("Could not send the reply of handler {} to thread {}: {}", this.description,
                    threadEvent.thread().id(), ex.getMessage());
        }
    }

    private static @Nullable Event fbchatEvent(ApplicationEvent applicationEvent) {
        if (applicationEvent instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof Event event) {
            return event;
        }
        return null;
    }

    private static boolean isOwn(Event event) {
        return event instanceof ThreadEvent threadEvent
                && threadEvent.author().id().equals(threadEvent.thread().session().user().id());
    }
}
