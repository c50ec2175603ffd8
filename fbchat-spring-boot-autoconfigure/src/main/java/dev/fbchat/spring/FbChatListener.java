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
 * A non-null {@code String} or {@link Reply} returned from a handler of a thread event (or a collection of them) is
 * sent to that thread, in order. A handler's failure goes to the {@link FbChatErrorHandler} and affects no other
 * handler. Events caused by the bot's own account (its own messages) are skipped unless {@link #includeOwn()}. The
 * filters {@link #threadId()}, {@link #threadType()}, {@link #text()} and {@link #pattern()} all have to match.
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

    /** Only events of these threads (their ids, {@code ${...}} placeholders resolved); all threads when empty. */
    String[] threadId() default {};

    /** Only events of these kinds of thread; all kinds when empty. */
    ThreadType[] threadType() default {};

    /** Only messages whose text is exactly this; any message (or other event) when empty. */
    String text() default "";

    /** Only messages whose whole text matches this regular expression; any when empty. */
    String pattern() default "";

    /** An id for this handler, as in {@link EventListener#id()}. */
    @AliasFor(annotation = EventListener.class, attribute = "id")
    String id() default "";
}
