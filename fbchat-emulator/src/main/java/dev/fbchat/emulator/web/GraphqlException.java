package dev.fbchat.emulator.web;

import dev.fbchat.emulator.world.EmulatorJson;
import tools.jackson.databind.node.ObjectNode;

/** A GraphQL query that fails: the batch answers it with Facebook's {@code error} object. */
final class GraphqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;

    private final String summary;

    private final String description;

    private final boolean silent;

    GraphqlException(int code, String summary, String description, String debugInfo, boolean silent) {
        super(debugInfo);
        this.code = code;
        this.summary = summary;
        this.description = description;
        this.silent = silent;
    }

    /** Error 1675001: a document the server does not know. */
    static GraphqlException unknownDocument(String debugInfo) {
        return new GraphqlException(1675001, "Query Syntax Error", "Syntax error.", debugInfo, true);
    }

    /** Error 1675002: a parameter is missing or of the wrong kind. */
    static GraphqlException invalidParameter(String name) {
        return new GraphqlException(1675002, "Invalid query parameters",
                "The query parameter " + name + " is missing or invalid.", "Invalid parameter " + name, false);
    }

    /** Error 1357031: the id names nothing the viewer may see. */
    static GraphqlException notFound(String debugInfo) {
        return new GraphqlException(1357031, "This content is no longer available",
                "The content you requested cannot be displayed at the moment. It may be temporarily unavailable, the "
                        + "link you clicked on may have expired, or you may not have permission to view this page.",
                debugInfo, false);
    }

    /** The {@code error} object of the query's answer. */
    ObjectNode toJson() {
        ObjectNode error = EmulatorJson.MAPPER.createObjectNode();
        error.put("code", this.code);
        error.putNull("api_error_code");
        error.put("summary", this.summary);
        error.put("description", this.description);
        error.put("is_silent", this.silent);
        error.put("is_transient", false);
        error.put("requires_reauth", false);
        error.put("allow_user_retry", false);
        error.put("debug_info", getMessage());
        error.putNull("query_path");
        return error;
    }
}
