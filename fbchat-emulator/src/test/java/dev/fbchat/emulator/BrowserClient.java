package dev.fbchat.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal browser for the tests: a cookie jar, no automatic redirects, forms. Written
 * independently of fbchat-core so the emulator is tested against the protocol, not the client.
 */
final class BrowserClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern TOKEN = Pattern.compile("\"DTSGInitData\",\\[\\],\\{\"token\":\"([^\"]*)\"");

    private final URI baseUrl;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final Map<String, String> cookies = new LinkedHashMap<>();

    String fbDtsg = "";

    BrowserClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in and loads the home page's token; fails the test if that does not work. */
    static BrowserClient loggedIn(MessengerEmulator emulator, Account account) {
        BrowserClient browser = new BrowserClient(emulator.baseUrl());
        HttpResponse<String> login = browser.postForm("/login/password/", Map.of("email", account.email(), "pass", account.password()));
        if (login.statusCode() != 302) {
            throw new AssertionError("login failed: " + login.statusCode());
        }
        browser.fbDtsg = browser.homeFbDtsg();
        return browser;
    }

    /** The {@code fb_dtsg} token the home page defines for this browser's session. */
    String homeFbDtsg() {
        Matcher token = TOKEN.matcher(get("/").body());
        if (!token.find()) {
            throw new AssertionError("no token on the home page");
        }
        return token.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(this.baseUrl.resolve(path)).GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet()
            .stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(this.baseUrl.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts with the session parameters and reads the {@code for (;;);}-prefixed JSON. */
    JsonNode api(String path, Map<String, String> form) {
        Map<String, String> data = new LinkedHashMap<>(form);
        data.put("__a", "1");
        data.put("__req", "1");
        data.put("__rev", "1009000000");
        data.put("fb_dtsg", this.fbDtsg);
        String body = postForm(path, data).body();
        if (!body.startsWith("for (;;);")) {
            throw new AssertionError("no JSON cruft: " + body);
        }
        return JSON.readTree(body.substring("for (;;);".length()));
    }

    String cookieHeader() {
        return this.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!this.cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        try {
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
                if (setCookie.contains("Max-Age=0")) {
                    this.cookies.remove(nameValue[0]);
                }
                else {
                    this.cookies.put(nameValue[0], nameValue[1]);
                }
            }
            return response;
        }
        catch (IOException ex) {
            throw new AssertionError(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
