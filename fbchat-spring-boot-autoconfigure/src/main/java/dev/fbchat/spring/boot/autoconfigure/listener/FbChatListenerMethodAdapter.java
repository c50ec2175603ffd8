package dev.fbchat.spring.boot.autoconfigure.listener;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import dev.fbchat.event.Event;
import dev.fbchat.event.ThreadEvent;
import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.FbChatListener;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationListenerMethodAdapter;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * One {@link FbChatListener} method as an application listener: skips the bot's own events unless asked, applies the
 * condition, sends a returned {@code String} to the event's thread instead of publishing it, and hands any failure
 * (of the condition, the method or the reply) to the {@link FbChatErrorHandler}, so that no other handler is affected.
 */
public class FbChatListenerMethodAdapter extends ApplicationListenerMethodAdapter {

    private final boolean includeOwn;

    private final String description;

    private final Supplier<FbChatErrorHandler> errorHandler;

    private final Supplier<ObservationRegistry> observations;

    public FbChatListenerMethodAdapter(String beanName, Class<?> targetClass, Method method,
            Supplier<FbChatErrorHandler> errorHandler, Supplier<ObservationRegistry> observations) {
        super(beanName, targetClass, method);
        FbChatListener annotation = AnnotatedElementUtils.findMergedAnnotation(method, FbChatListener.class);
        this.includeOwn = annotation != null && annotation.includeOwn();
        this.description = targetClass.getSimpleName() + "." + method.getName();
        this.errorHandler = errorHandler;
        this.observations = observations;
    }

    /** The handler's name in logs and error reports: {@code BeanClass.method}. */
    public String description() {
        return this.description;
    }

    @Override
    public void processEvent(ApplicationEvent applicationEvent) {
        Event event = fbchatEvent(applicationEvent);
        if (event == null) {
            super.processEvent(applicationEvent);
            return;
        }
        if (!this.includeOwn && isOwn(event)) {
            return;
        }
        // the handler and the event type only: bounded tags
        Observation observation = Observation.createNotStarted("fbchat.handler", this.observations.get())
            .lowCardinalityKeyValue("handler", this.description)
            .lowCardinalityKeyValue("event", event.getClass().getSimpleName())
            .start();
        try {
            @Nullable Object[] args = resolveArguments(applicationEvent);
            if (args == null || !shouldHandle(applicationEvent)) {
                return;
            }
            Object result = doInvoke(args);
            if (result != null) {
                reply(event, result);
            }
        }
        catch (RuntimeException | Error ex) {
            observation.error(ex);
            this.errorHandler.get().handleError(this.description, event, ex);
        }
        finally {
            observation.stop();
        }
    }

    private void reply(Event event, Object result) {
        if (!(result instanceof String text)) {
            throw new IllegalStateException("Handler " + this.description + " returned a "
                    + result.getClass().getSimpleName() + "; only a String is sent as a reply");
        }
        if (!(event instanceof ThreadEvent threadEvent)) {
            throw new IllegalStateException("Handler " + this.description
                    + " returned a reply to an event that has no thread");
        }
        threadEvent.thread().sendText(text);
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
