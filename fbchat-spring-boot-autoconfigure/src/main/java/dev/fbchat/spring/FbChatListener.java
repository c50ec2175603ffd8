package dev.fbchat.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as a handler of Messenger events. The event type is the method's
 * parameter (any {@link dev.fbchat.event.Event} type, e.g.
 * {@link dev.fbchat.event.MessageEvent}) or {@link #events()}.
 *
 * <pre>{@code
 * @FbChatListener
 * String onMessage(MessageEvent event) {
 *     return "echo: " + event.message().text();
 * }
 * }</pre>
 *
 * A non-null {@code String} returned from a handler of a thread event is sent to that thread.
 * A handler that throws is logged and does not stop other handlers or the listener. Events
 * caused by the bot's own account (its own messages) are skipped unless {@link #includeOwn()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener
public @interface FbChatListener {

    /** The event types to handle, when the method declares none or a common supertype. */
    @AliasFor(annotation = EventListener.class, attribute = "classes")
    Class<?>[] events() default {};

    /** A SpEL condition, as in {@link EventListener#condition()}: the handler runs only when it is true. */
    @AliasFor(annotation = EventListener.class, attribute = "condition")
    String condition() default "";

    /** Whether events caused by the bot's own account reach this handler. */
    boolean includeOwn() default false;

    /** An id for this handler, as in {@link EventListener#id()}. */
    @AliasFor(annotation = EventListener.class, attribute = "id")
    String id() default "";
}
