package dev.fbchat.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.fbchat.ParseError;
import dev.fbchat.internal.parse.Py;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * Reads Facebook's login pages: the explanation shown when a login fails, and the forms of the
 * two-factor checkpoint.
 */
public final class LoginPages {

    /** The value of a form field that has no {@code value} attribute (such values are localized text). */
    public static final String MISSING_VALUE = "[missing]";

    private LoginPages() {
    }

    /**
     * The error Facebook shows in the login form, such as {@code "The password you entered is
     * incorrect. Did you forget your password?"}, or {@code null} when the page has none.
     */
    public static @Nullable String errorText(String html) {
        List<String> texts = new ArrayList<>();
        for (Element form : Jsoup.parse(html).select("form#login_form")) {
            form.traverse((NodeVisitor) (node, depth) -> {
                if (node instanceof TextNode text) {
                    String stripped = Py.stripUnicode(text.getWholeText());
                    if (!stripped.isEmpty()) {
                        texts.add(stripped);
                    }
                }
            });
        }
        // The first text is the error box's heading; the next two are the explanation.
        String error = String.join(" ", texts.subList(Math.min(1, texts.size()), Math.min(3, texts.size())));
        return error.isEmpty() ? null : error;
    }

    /**
     * The first form of a page, ready to be posted back: fbchat's {@code find_form_request}.
     * A relative {@code action} starting with {@code /} is put on {@code facebookBase} (the
     * configured {@code Endpoints.facebook()}); every {@code <input>} and {@code <button>} of the
     * form gives a field, its {@code value} or {@value #MISSING_VALUE} when it has none. A name
     * seen twice keeps its first position and its last value.
     *
     * @param html the page
     * @param facebookBase the Facebook web site, such as {@code https://www.facebook.com}
     * @throws ParseError when the page has no form ({@code "Could not find form to submit"}),
     *         the form has no usable action ({@code "Could not find url to submit to"}), or a
     *         field has no name (fbchat would fail there too)
     */
    public static FormRequest formRequest(String html, URI facebookBase) {
        Objects.requireNonNull(facebookBase, "facebookBase");
        Element form = Jsoup.parse(html).selectFirst("form");
        if (form == null) {
            throw new ParseError("Could not find form to submit", html);
        }
        String action = form.attr("action").strip();
        if (action.isEmpty()) {
            throw new ParseError("Could not find url to submit to", form.outerHtml());
        }
        if (action.startsWith("/")) {
            String base = facebookBase.toString();
            action = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + action;
        }
        URI url;
        try {
            url = new URI(action);
        }
        catch (URISyntaxException ex) {
            throw new ParseError("Could not find url to submit to", form.outerHtml(), ex);
        }
        if (!url.isAbsolute()) {
            // fbchat hands such an action to its HTTP client, which refuses it; say so here.
            throw new ParseError("Could not find url to submit to", form.outerHtml());
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Element control : controls(form)) {
            if (!control.hasAttr("name")) {
                throw new ParseError("Could not read form: a field has no name", describe(control));
            }
            data.put(control.attr("name"), control.hasAttr("value") ? control.attr("value") : MISSING_VALUE);
        }
        return new FormRequest(url, data);
    }

    /** The form's inputs and buttons: its descendants, then controls the parser tied to it elsewhere. */
    private static Set<Element> controls(Element form) {
        Set<Element> controls = new LinkedHashSet<>(form.select("input, button"));
        if (form instanceof FormElement formElement) {
            for (Element control : formElement.elements()) {
                if (control.nameIs("input") || control.nameIs("button")) {
                    controls.add(control);
                }
            }
        }
        return controls;
    }

    /** The element's tag and attribute names, never its values (they may be tokens). */
    private static String describe(Element control) {
        List<String> names = new ArrayList<>();
        for (Attribute attribute : control.attributes()) {
            names.add(attribute.getKey());
        }
        return "<" + control.tagName() + " " + String.join(" ", names) + ">";
    }

    /**
     * A form to post back: where, and its fields in page order. {@link #toString()} shows the
     * path and the field names only, since values hold tokens such as {@code fb_dtsg}.
     *
     * @param url the absolute action URL
     * @param data the fields by name, in page order; a mutable {@link LinkedHashMap}, filled
     *        in and posted by the caller
     */
    public record FormRequest(URI url, Map<String, String> data) {

        public FormRequest {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(data, "data");
        }

        /** Whether the form has a field of this name. */
        public boolean has(String name) {
            return this.data.containsKey(name);
        }

        @Override
        public String toString() {
            return "FormRequest[" + this.url.getPath() + " " + this.data.keySet() + "]";
        }
    }
}
