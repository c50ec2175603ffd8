package dev.fbchat.spring.boot.autoconfigure.listener;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import dev.fbchat.event.Event;
import dev.fbchat.event.MessageEvent;
import dev.fbchat.event.MessageReplyEvent;
import dev.fbchat.event.ThreadEvent;
import dev.fbchat.spring.FbChatErrorHandler;
import dev.fbchat.spring.FbChatListener;
import dev.fbchat.spring.Reply;
import dev.fbchat.spring.ThreadType;
import dev.fbchat.thread.Group;
import dev.fbchat.thread.MessengerThread;
import dev.fbchat.thread.Page;
import dev.fbchat.thread.User;
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

    private final Set<String> threadIds;

    private final Set<ThreadType> threadTypes;

    private final @Nullable String text;

    private final @Nullable Pattern pattern;

    private final String description;

    private final Supplier<FbChatErrorHandler> errorHandler;

    private final Supplier<ObservationRegistry> observations;

    public FbChatListenerMethodAdapter(String beanName, Class<?> targetClass, Method method,
            Supplier<FbChatErrorHandler> errorHandler, Supplier<ObservationRegistry> observations,
            UnaryOperator<String> placeholders) {
        super(beanName, targetClass, method);
        FbChatListener annotation = AnnotatedElementUtils.findMergedAnnotation(method, FbChatListener.class);
        this.includeOwn = annotation != null && annotation.includeOwn();
        this.description = targetClass.getSimpleName() + "." + method.getName();
        this.threadIds = annotation == null ? Set.of()
                : Arrays.stream(annotation.threadId()).map(placeholders).collect(Collectors.toUnmodifiableSet());
        this.threadTypes = annotation == null || annotation.threadType().length == 0 ? Set.of()
                : EnumSet.copyOf(Arrays.asList(annotation.threadType()));
        this.text = annotation == null || annotation.text().isEmpty() ? null : annotation.text();
        this.pattern = annotation == null || annotation.pattern().isEmpty() ? null : compile(annotation.pattern());
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
        if ((!this.includeOwn && isOwn(event)) || !passesFilters(event)) {
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

    /** The thread, kind-of-thread, text and pattern filters: each set one has to match. */
    private boolean passesFilters(Event event) {
        if (!this.threadIds.isEmpty() || !this.threadTypes.isEmpty()) {
            if (!(event instanceof ThreadEvent threadEvent)) {
                return false;
            }
            MessengerThread thread = threadEvent.thread();
            if (!this.threadIds.isEmpty() && !this.threadIds.contains(thread.id())) {
                return false;
            }
            if (!this.threadTypes.isEmpty() && !this.threadTypes.contains(typeOf(thread))) {
                return false;
            }
        }
        if (this.text != null || this.pattern != null) {
            String messageText = messageText(event);
            if (messageText == null || (this.text != null && !this.text.equals(messageText))
                    || (this.pattern != null && !this.pattern.matcher(messageText).matches())) {
                return false;
            }
        }
        return true;
    }

    /** Sends what the handler returned: a text, a {@link Reply}, or a collection of them, in order. */
    private void reply(Event event, Object result) {
        if (!(event instanceof ThreadEvent threadEvent)) {
            throw new IllegalStateException("Handler " + this.description
                    + " returned a reply to an event that has no thread");
        }
        if (result instanceof Iterable<?> replies) {
            for (Object reply : replies) {
                send(threadEvent, reply);
            }
            return;
        }
        send(threadEvent, result);
    }

    private void send(ThreadEvent event, @Nullable Object reply) {
        MessengerThread thread = event.thread();
        if (reply instanceof String text) {
            thread.sendText(text);
        }
        else if (reply instanceof Reply message) {
            String replyTo = message.quote() ? messageId(event) : null;
            thread.sendText(message.text(), message.mentions(), message.files(), replyTo);
        }
        else {
            throw new IllegalStateException("Handler " + this.description + " returned a "
                    + (reply == null ? "null element" : reply.getClass().getSimpleName())
                    + "; a reply is a String, a Reply, or a collection of them");
        }
    }

    private Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        }
        catch (PatternSyntaxException ex) {
            throw new IllegalStateException("The pattern of handler " + this.description + " is not a regular "
                    + "expression: " + ex.getMessage(), ex);
        }
    }

    private static @Nullable ThreadType typeOf(MessengerThread thread) {
        if (thread instanceof Group) {
            return ThreadType.GROUP;
        }
        if (thread instanceof Page) {
            return ThreadType.PAGE;
        }
        return thread instanceof User ? ThreadType.USER : null;
    }

    private static @Nullable String messageText(Event event) {
        if (event instanceof MessageEvent message) {
            return message.message().text();
        }
        if (event instanceof MessageReplyEvent reply) {
            return reply.message().text();
        }
        return null;
    }

    private static @Nullable String messageId(ThreadEvent event) {
        if (event instanceof MessageEvent message) {
            return message.message().id();
        }
        if (event instanceof MessageReplyEvent reply) {
            return reply.message().id();
        }
        return null;
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
