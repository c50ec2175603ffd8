package dev.fbchat;

/**
 * Facebook's volatile protocol identifiers, all in one place: GraphQL document and query ids, query texts, the MQTT
 * application id. Facebook changes them from time to time; {@link SessionOptions#withProtocolConstant} overrides any
 * of them without waiting for a release of this library.
 */
public enum ProtocolConstant {

    /** GraphQL document of the thread list (also answers the listener's sequence id). */
    THREAD_LIST_DOC_ID("1349387578499440"),
    /** GraphQL document of one thread's data ({@code fetchThreadInfo}). */
    THREAD_INFO_DOC_ID("2147762685294928"),
    /** GraphQL document of a thread's messages ({@code fetchMessages}). */
    MESSAGES_DOC_ID("1860982147341344"),
    /** GraphQL document of one message ({@code Message.fetch}). */
    MESSAGE_DOC_ID("1768656253222505"),
    /** GraphQL document of the account's private data (phone numbers, emails). */
    PRIVATE_DATA_DOC_ID("1868889766468115"),
    /** GraphQL query id of a thread's shared images and videos ({@code fetchImages}). */
    SHARED_MEDIA_QUERY_ID("515216185516880"),
    /** GraphQL query text of {@code searchForUsers}. */
    SEARCH_USER_QUERY(SearchQueries.USER),
    /** GraphQL query text of {@code searchForPages}. */
    SEARCH_PAGE_QUERY(SearchQueries.PAGE),
    /** GraphQL query text of {@code searchForGroups}. */
    SEARCH_GROUP_QUERY(SearchQueries.GROUP),
    /** GraphQL query text of {@code searchForThreads}. */
    SEARCH_THREAD_QUERY(SearchQueries.THREAD),
    /** The application id the MQTT connection presents. */
    MQTT_APP_ID("219994525426954");

    private final String defaultValue;

    ProtocolConstant(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    /** The value this release uses unless overridden. */
    public String defaultValue() {
        return this.defaultValue;
    }

    /** The search queries, in the GraphQL dialect of Facebook's {@code graphqlbatch} endpoint. */
    private static final class SearchQueries {

        private static final String USER_FIELDS = "QueryFragment User: User { id, name, first_name, last_name, "
                + "profile_picture.width(<pic_size>).height(<pic_size>) { uri }, is_viewer_friend, url, gender, "
                + "viewer_affinity }";

        private static final String GROUP_FIELDS = "QueryFragment Group: MessageThread { name, thread_key { thread_fbid },"
                + " image { uri }, is_group_thread, all_participants { nodes { messaging_actor { __typename, id } } },"
                + " customization_info { participant_customizations { participant_id, nickname },"
                + " outgoing_bubble_color, emoji }, thread_admins { id },"
                + " group_approval_queue { nodes { requester { id } } }, approval_mode, joinable_mode { mode, link },"
                + " event_reminders { nodes { id, lightweight_event_creator { id }, time, location_name, event_title,"
                + " event_reminder_members { edges { node { id }, guest_list_state } } } } }";

        private static final String PAGE_FIELDS = "QueryFragment Page: Page { id, name,"
                + " profile_picture.width(32).height(32) { uri }, url, category_type, city { name } }";

        static final String USER = "Query SearchUser(<search> = '', <limit> = 10) { entities_named(<search>) {"
                + " search_results.of_type(user).first(<limit>) as users { nodes { @User } } } } " + USER_FIELDS;

        static final String GROUP = "Query SearchGroup(<search> = '', <limit> = 10, <pic_size> = 32) { viewer() {"
                + " message_threads.with_thread_name(<search>).last(<limit>) as groups { nodes { @Group } } } } "
                + GROUP_FIELDS;

        static final String PAGE = "Query SearchPage(<search> = '', <limit> = 10) { entities_named(<search>) {"
                + " search_results.of_type(page).first(<limit>) as pages { nodes { @Page } } } } " + PAGE_FIELDS;

        static final String THREAD = "Query SearchThread(<search> = '', <limit> = 10) { entities_named(<search>) {"
                + " search_results.first(<limit>) as threads { nodes { __typename, @User, @Group, @Page } } } } "
                + USER_FIELDS + " " + GROUP_FIELDS + " " + PAGE_FIELDS;

        private SearchQueries() {
        }
    }
}
