package dev.fbchat.emulator.web;

import dev.fbchat.emulator.Account;
import dev.fbchat.emulator.world.EmulatorJson;
import dev.fbchat.emulator.world.LoginSession;
import dev.fbchat.emulator.world.RandomTokens;
import dev.fbchat.emulator.world.World;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The HTML pages: the login page (with an error box after a failed login) and the logged-in home page. */
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
