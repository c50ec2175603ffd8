package dev.fbchat.internal;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/** Reads Facebook's login page: the explanation shown when a login fails. */
public final class LoginPages {

    private LoginPages() {
    }

    /**
     * The error Facebook shows in the login form, such as {@code "The password you entered is
     * incorrect. Did you forget your password?"}, or {@code null} when the page has none.
     */
    public static @Nullable String errorText(String html) {
        Element form = Jsoup.parse(html).getElementById("login_form");
        if (form == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        form.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof TextNode text) {
                String stripped = text.getWholeText().strip();
                if (!stripped.isEmpty()) {
                    texts.add(stripped);
                }
            }
        });
        // The first text is the error box's heading; the next two are the explanation.
        String error = String.join(" ", texts.subList(Math.min(1, texts.size()), Math.min(3, texts.size())));
        return error.isEmpty() ? null : error;
    }
}
