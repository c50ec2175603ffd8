package dev.fbchat.emulator.web;

import java.util.Map;

import dev.fbchat.emulator.Account;
import tools.jackson.databind.JsonNode;

/** A family that answers GraphQL queries of the batch endpoint. */
interface GraphqlDocuments {

    /**
     * The family's resolvers, by the key that names the query: the {@code doc_id}, the
     * {@code query_id}, or {@code Query:<name>} for a query sent as text ({@code q}).
     */
    Map<String, Resolver> graphqlDocuments();

    /** Answers one query. */
    @FunctionalInterface
    interface Resolver {

        /**
         * The query's {@code data}.
         *
         * @throws GraphqlException for an error answer
         */
        JsonNode resolve(Account viewer, JsonNode params);
    }
}
