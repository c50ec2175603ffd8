package dev.fbchat.emulator.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginCheckpoints;
import dev.fbchat.emulator.world.LoginCheckpoints.Step;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTML pages: the login page (with an error box after a failed login), the logged-in home
 * page, and the pages of a login checkpoint.
 */
final class Pages {

    private Pages() {
    }

    /**
     * The error shown after a failed login.
     *
     * @param heading the box's title
     * @param message the explanation
     * @param link the text of the help link after it
     */
    record LoginError(String heading, String message, String link) {

        static final LoginError WRONG_PASSWORD = new LoginError("Type your password again",
                "The password you entered is incorrect. ", "Did you forget your password?");

        static final LoginError UNKNOWN_EMAIL = new LoginError("Wrong credentials",
                "Invalid username or password. ", "Find your account and log in.");
    }

    /** The logged-out page with the login form, and the error box first in the form when given. */
    static String login(@Nullable LoginError error) {
        String errorBox = error == null ? "" : "<div class=\"_3403 _3404\"><div>" + escape(error.heading())
                + "</div><div>" + escape(error.message()) + "<a href=\"/login/identify/\">" + escape(error.link())
                + "</a></div></div>";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Messenger</title></head>
                <body>
                <form id="login_form" action="/login/password/" method="post">%s\
                <input type="hidden" name="jazoest" value="2%s">\
                <input type="hidden" name="lsd" value="%s">\
                <input type="hidden" name="initial_request_id" value="%s">\
                <input type="hidden" name="timezone" value="">\
                <input type="hidden" name="lgndim" value="">\
                <input type="hidden" name="lgnrnd" value="%s">\
                <input type="hidden" name="default_persistent" value="0">\
                <input type="text" name="email" placeholder="Email address or phone number">\
                <input type="password" name="pass" placeholder="Password">\
                <button type="submit" name="login" value="1">Log In</button></form>
                <script>%s</script>
                </body></html>
                """.formatted(errorBox, RandomTokens.digits(4), RandomTokens.urlSafe(8), RandomTokens.urlSafe(8),
                RandomTokens.digits(6), defines("", "", null));
    }

    /** The home page of a logged-in session, defining its {@code fb_dtsg}, the revision and the user. */
    static String home(LoginSession session, Account account) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Messenger</title></head>
                <body><div id="root">Messenger</div>
                <script>%s</script>
                </body></html>
                """.formatted(defines(session.fbDtsg(), RandomTokens.urlSafe(12), account));
    }

    /**
     * A page of a login checkpoint, laid out as Facebook's: one
     * {@code <form action="/checkpoint/?next=..." method="post">} holding the hidden
     * {@code jazoest}, {@code fb_dtsg} and {@code nh} fields, a hidden default submit button, the
     * step's own fields and a visible {@code submit[...]} button. Every input and button has a
     * name. {@link Step#CANCELLED} is a page without a form.
     *
     * @param checkpoint the checkpoint (its id is {@code nh}, its token {@code fb_dtsg})
     * @param step the page to show
     * @param next where the checkpoint leads once passed (the Messenger home)
     * @param wrongCode whether the code form follows a refused code
     */
    static String checkpoint(LoginCheckpoints.Pending checkpoint, Step step, String next, boolean wrongCode) {
        if (step == Step.CANCELLED) {
            return checkpointMessage("Secure your account",
                    "This login was reported as not yours. Log in again and change your password.");
        }
        String body = switch (step) {
            case CODE -> """
                    <strong>Two-factor authentication required</strong>%s\
                    <input autocomplete="off" name="no_fido" type="hidden" value="true">\
                    <div>You've asked us to require a 6-digit login code when anyone tries to access your account \
                    from a new device or browser.</div>\
                    <div>Enter the 6-digit code from your Code Generator or third-party app below.</div>\
                    <input aria-label="Login code" autocomplete="off" id="approvals_code" name="approvals_code" \
                    placeholder="Login code" type="text">\
                    """.formatted(wrongCode ? "<div class=\"_5b_ _5zv\" role=\"alert\">The login code you entered "
                    + "doesn't match the one sent to your phone. Please check the number and try again.</div>" : "")
                    + submit("Continue");
            case SAVE_BROWSER, SAVE_DEVICE -> """
                    <strong>Remember browser</strong>\
                    <div>Save this browser so you won't need to enter a login code the next time you log in from it.</div>\
                    <label><input type="radio" name="name_action_selected" value="save_device" checked>Save browser</label>\
                    <label><input type="radio" name="name_action_selected" value="dont_save">Don't save</label>\
                    """ + submit("Continue");
            case REVIEW_INTRO -> """
                    <strong>Review recent login</strong>\
                    <div>Someone recently logged in to your account from a device or browser we don't recognize. \
                    Review this login to keep your account secure.</div>\
                    """ + submit("Continue");
            case REVIEW -> """
                    <strong>Was this you?</strong>\
                    <div>Login near Loopback, Emulator on Messenger emulator, just now.</div>\
                    <button name="submit[This was me]" type="submit" value="This was me">This was me</button>\
                    <button name="submit[This wasn't me]" type="submit" value="This wasn't me">This wasn't me</button>\
                    """;
            case LOCKED_INTRO -> """
                    <strong>Your account has been locked</strong>\
                    <div>We noticed unusual activity on your account. To protect it, you'll need to confirm your \
                    identity before you can log in.</div>\
                    """ + submit("Continue");
            case LOCKED -> """
                    <strong>Confirm your identity</strong>\
                    <div>Choose a way to confirm that this account belongs to you. Continue in a browser.</div>\
                    <label><input type="radio" name="verification_method" value="3" checked>Get a code by email</label>\
                    <label><input type="radio" name="verification_method" value="20">Identify photos of friends</label>\
                    """ + submit("Continue");
            case CANCELLED -> throw new IllegalStateException("no form");
        };
        String token = checkpoint.fbDtsg();
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Facebook</title></head>
                <body><div>
                <form action="/checkpoint/?next=%s" class="checkpoint" id="u_0_c" method="post" onsubmit="">\
                <input autocomplete="off" name="jazoest" type="hidden" value="%s">\
                <input autocomplete="off" name="fb_dtsg" type="hidden" value="%s">\
                <input class="hidden_elem" data-default-submit="true" name="submit[Continue]" type="submit">\
                <input autocomplete="off" name="nh" type="hidden" value="%s">\
                <div class="_4-u2 _5x_7">%s</div></form>
                </div></body></html>
                """.formatted(escape(URLEncoder.encode(next, StandardCharsets.UTF_8)), jazoest(token), escape(token),
                escape(checkpoint.id()), body);
    }

    /** A checkpoint page without a form: an ended or refused checkpoint. */
    static String checkpointMessage(String heading, String text) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Facebook</title></head>
                <body><div><strong>%s</strong><div>%s</div><a href="/login/">Log in</a></div></body></html>
                """.formatted(escape(heading), escape(text));
    }

    private static String submit(String label) {
        return "<button id=\"checkpointSubmitButton\" name=\"submit[" + label + "]\" type=\"submit\" value=\""
                + label + "\">" + label + "</button>";
    }

    /** Facebook's {@code jazoest}: {@code 2} followed by the sum of the token's character codes. */
    private static String jazoest(String token) {
        return "2" + token.chars().sum();
    }

    /** The two {@code ServerJSDefine} calls: token and revision, then token again and the current user. */
    private static String defines(String token, String asyncToken, @Nullable Account account) {
        ArrayNode first = EmulatorJson.MAPPER.createArrayNode();
        first.add(define("DTSGInitialData", EmulatorJson.MAPPER.createObjectNode().put("token", token), 258));
        first.add(define("SiteData", EmulatorJson.MAPPER.createObjectNode()
            .put("client_revision", World.REVISION)
            .put("server_revision", World.REVISION), 317));
        ArrayNode second = EmulatorJson.MAPPER.createArrayNode();
        if (account != null) {
            second.add(define("DTSGInitData",
                    EmulatorJson.MAPPER.createObjectNode().put("token", token).put("async_get_token", asyncToken), 3515));
            second.add(define("CurrentUserInitialData",
                    EmulatorJson.MAPPER.createObjectNode().put("USER_ID", account.id()).put("NAME", account.name()), 270));
        }
        else {
            second.add(define("CurrentUserInitialData",
                    EmulatorJson.MAPPER.createObjectNode().put("USER_ID", "0").put("NAME", ""), 270));
        }
        // "</" inside a script would end it; JSON allows the escaped slash.
        return "require(\"ServerJSDefine\").handleDefines(" + scriptSafe(first) + ");\n"
                + "require(\"ServerJSDefine\").handleDefines(" + scriptSafe(second) + ");";
    }

    private static ArrayNode define(String name, ObjectNode value, int id) {
        ArrayNode entry = EmulatorJson.MAPPER.createArrayNode();
        entry.add(name);
        entry.addArray();
        entry.add(value);
        entry.add(id);
        return entry;
    }

    private static String scriptSafe(ArrayNode json) {
        return EmulatorJson.MAPPER.writeValueAsString(json).replace("</", "<\\/");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
