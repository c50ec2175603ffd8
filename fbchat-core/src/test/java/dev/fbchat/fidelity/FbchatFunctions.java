package dev.fbchat.fidelity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fbchat.Endpoints;
import dev.fbchat.internal.Base36;
import dev.fbchat.internal.FacebookJson;
import dev.fbchat.internal.GraphQLBatch;
import dev.fbchat.internal.HttpStatusErrors;
import dev.fbchat.internal.Limits;
import dev.fbchat.internal.LoginPages;
import dev.fbchat.internal.MimeTypes;
import dev.fbchat.internal.QueryStrings;
import dev.fbchat.internal.ServerJsDefine;
import dev.fbchat.internal.Times;
import dev.fbchat.event.EventParser;
import dev.fbchat.internal.parse.AdminTextParser;
import dev.fbchat.internal.parse.ClientPayloadParser;
import dev.fbchat.internal.parse.DeltaParser;
import dev.fbchat.internal.parse.EventThreads;
import dev.fbchat.internal.parse.FileAttachmentParser;
import dev.fbchat.internal.parse.GroupDataParser;
import dev.fbchat.internal.parse.ImageParser;
import dev.fbchat.internal.parse.LocationParser;
import dev.fbchat.internal.parse.MentionParser;
import dev.fbchat.internal.parse.MessageParser;
import dev.fbchat.internal.parse.MessageTags;
import dev.fbchat.internal.parse.PageDataParser;
import dev.fbchat.internal.parse.PlanParser;
import dev.fbchat.internal.parse.PollParser;
import dev.fbchat.internal.parse.Py;
import dev.fbchat.internal.parse.QuickReplyParser;
import dev.fbchat.internal.parse.ShareAttachmentParser;
import dev.fbchat.internal.parse.StickerParser;
import dev.fbchat.internal.parse.ThreadParser;
import dev.fbchat.internal.parse.UserDataParser;
import dev.fbchat.message.Message;
import dev.fbchat.message.MentionFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * fbchat's functions (as the fixtures name them) and the Java that does the same job. A fixture case whose function is
 * not here fails: every fbchat function the fixtures exercise must have a Java counterpart.
 */
final class FbchatFunctions {

    /** A Java counterpart: the case's arguments in, the value fbchat would return out. */
    @FunctionalInterface
    interface Counterpart {

        @Nullable Object call(FixtureInput in) throws Throwable;
    }

    private static final Map<String, Counterpart> FUNCTIONS = new LinkedHashMap<>();

    static {
        models();
        threads();
        events();
        protocol();
        util();
    }

    private FbchatFunctions() {
    }

    /** The counterpart of {@code function}, or {@code null} when it has none. */
    static @Nullable Counterpart of(String function) {
        return FUNCTIONS.get(function);
    }

    /** Every fbchat function with a counterpart. */
    static java.util.Set<String> names() {
        return FUNCTIONS.keySet();
    }

    private static void add(String function, Counterpart counterpart) {
        FUNCTIONS.put("fbchat." + function, counterpart);
    }

    private static void models() {
        add("_models._common.Image._from_uri", in -> ImageParser.fromUri(in.json("data")));
        add("_models._common.Image._from_url", in -> ImageParser.fromUrl(in.json("data")));
        add("_models._common.Image._from_uri_or_none", in -> ImageParser.fromUriOrNull(in.jsonOrNull("data")));
        add("_models._common.Image._from_url_or_none", in -> ImageParser.fromUrlOrNull(in.jsonOrNull("data")));
        add("_models._common.ThreadLocation._parse", in -> ThreadParser.location(in.json("value").asString()));
        add("_models._common.ActiveStatus._from_orca_presence", in -> ThreadParser.activeStatus(in.json("data")));
        add("_models._attachment.ShareAttachment._from_graphql", in -> ShareAttachmentParser.fromGraphql(in.json("data")));
        add("_models._file.graphql_to_attachment",
                in -> FileAttachmentParser.fromGraphql(in.json("data"), in.jsonOrNull("size")));
        add("_models._file.graphql_to_subattachment", in -> FileAttachmentParser.subattachment(in.json("data")));
        add("_models._file.FileAttachment._from_graphql",
                in -> FileAttachmentParser.file(in.json("data"), in.jsonOrNull("size")));
        add("_models._file.AudioAttachment._from_graphql", in -> FileAttachmentParser.audio(in.json("data")));
        add("_models._file.ImageAttachment._from_graphql", in -> FileAttachmentParser.image(in.json("data")));
        add("_models._file.ImageAttachment._from_list", in -> FileAttachmentParser.imageFromList(in.json("data")));
        add("_models._file.VideoAttachment._from_graphql",
                in -> FileAttachmentParser.video(in.json("data"), in.jsonOrNull("size")));
        add("_models._file.VideoAttachment._from_subattachment",
                in -> FileAttachmentParser.videoFromSubattachment(in.json("data")));
        add("_models._file.VideoAttachment._from_list", in -> FileAttachmentParser.videoFromList(in.json("data")));
        add("_models._location.LocationAttachment._from_graphql", in -> LocationParser.location(in.json("data")));
        add("_models._location.LiveLocationAttachment._from_graphql", in -> LocationParser.liveLocation(in.json("data")));
        add("_models._location.LiveLocationAttachment._from_pull",
                in -> LocationParser.liveLocationFromPull(in.json("data")));
        add("_models._sticker.Sticker._from_graphql", in -> StickerParser.fromGraphql(in.jsonOrNull("data")));
        add("_models._quick_reply.graphql_to_quick_reply",
                in -> QuickReplyParser.fromGraphql(in.json("q"), in.json("is_response").asBoolean(false)));
        add("_models._message.EmojiSize._from_tags", in -> MessageTags.emojiSize(in.jsonOrNull("tags")));
        add("_models._message.Mention._from_range", in -> MentionParser.fromRange(in.json("data")));
        add("_models._message.Mention._from_prng", in -> MentionParser.fromPrng(in.json("data")));
        add("_models._message.Mention._to_send_data", in -> MentionParser.toSendData(in.mention("self"), in.json("i").asInt()));
        add("_models._message.Message.format_mentions", FbchatFunctions::formatMentions);
        add("_models._message.MessageData._get_forwarded_from_tags",
                in -> MessageTags.forwarded(in.jsonOrNull("tags")));
        add("_models._message.MessageData._parse_quick_replies",
                in -> QuickReplyParser.fromPlatformXmd(in.jsonOrNull("data")));
        add("_models._message.MessageData._from_graphql",
                in -> MessageParser.fromGraphql(in.thread("thread"), in.json("data"), in.jsonOrNull("read_receipts")));
        add("_models._message.MessageData._from_reply", in -> MessageParser.fromReply(in.thread("thread"), in.json("data")));
        add("_models._message.MessageData._from_pull", in -> MessageParser.fromPull(in.thread("thread"), in.json("data"),
                in.json("author").asString(), in.instant("created_at")));
        add("_models._message.MessageSnippet._parse", in -> MessageParser.snippet(in.thread("thread"), in.json("data")));
        add("_models._message.graphql_to_extensible_attachment", in -> MessageParser.extensible(in.json("data")));
        add("_models._plan.PlanData._from_pull", in -> PlanParser.fromPull(in.session(), in.json("data")));
        add("_models._plan.PlanData._from_fetch", in -> PlanParser.fromFetch(in.session(), in.json("data")));
        add("_models._plan.PlanData._from_graphql", in -> PlanParser.fromGraphql(in.session(), in.json("data")));
        add("_models._poll.PollOption._from_graphql", in -> PollParser.option(in.json("data")));
        add("_models._poll.Poll._from_graphql", in -> PollParser.poll(in.session(), in.json("data")));
    }

    private static void threads() {
        add("_threads._abc.ThreadABC._parse_color", in -> ThreadParser.color(in.jsonOrNull("inp")));
        add("_threads._abc.ThreadABC._parse_customization_info",
                in -> customization(ThreadParser.customization(in.jsonOrNull("data"))));
        add("_threads._abc.ThreadABC._parse_participants",
                in -> ThreadParser.participants(in.session(), in.json("data")));
        add("_threads._user.UserData._from_graphql", in -> UserDataParser.fromGraphql(in.session(), in.json("data")));
        add("_threads._user.UserData._from_thread_fetch",
                in -> UserDataParser.fromThreadFetch(in.session(), in.json("data")));
        add("_threads._user.UserData._from_all_fetch", in -> UserDataParser.fromAllFetch(in.session(), in.json("data")));
        add("_threads._user.UserData._get_other_user", in -> UserDataParser.otherUser(in.json("data")));
        add("_threads._group.GroupData._from_graphql", in -> GroupDataParser.fromGraphql(in.session(), in.json("data")));
        add("_threads._page.PageData._from_graphql", in -> PageDataParser.fromGraphql(in.session(), in.json("data")));
    }

    private static void events() {
        add("_events._common.Event._get_thread", in -> EventThreads.thread(in.session(), in.json("data")));
        add("_events._common.ThreadEvent._parse_metadata", in -> {
            EventThreads.Metadata metadata = EventThreads.metadata(in.session(), in.json("data"));
            return List.of(metadata.author(), metadata.thread(), metadata.at());
        });
        add("_events._delta_class.parse_delta", in -> DeltaParser.parse(in.session(), in.json("data")));
        add("_events._delta_type.parse_admin_message", in -> AdminTextParser.parse(in.session(), in.json("data")));
        add("_events._client_payload.parse_client_delta",
                in -> ClientPayloadParser.parseDelta(in.session(), in.json("data")));
        add("_events._client_payload.parse_client_payloads",
                in -> ClientPayloadParser.parseAll(in.session(), in.json("data")));
        add("_events.parse_events", in -> EventParser.parse(in.session(), in.text("topic"), in.json("data")));
    }

    private static void protocol() {
        add("_exception.handle_payload_error", in -> {
            FacebookJson.handlePayloadError(in.json("j"));
            return null;
        });
        add("_exception.handle_graphql_errors", in -> {
            FacebookJson.handleGraphqlErrors(in.json("j"));
            return null;
        });
        add("_exception.handle_http_error", in -> {
            HttpStatusErrors.check(in.json("code").asInt());
            return null;
        });
        add("_graphql.ConcatJSONDecoder.decode", in -> FacebookJson.parseConcatenated(in.text("s")));
        add("_graphql.queries_to_json", in -> GraphQLBatch.queriesToJson(list(in.json("queries"))));
        add("_graphql.response_to_json", in -> GraphQLBatch.responseToJson(in.text("text")));
        add("_graphql.from_doc_id", in -> GraphQLBatch.fromDocId(Py.str(in.json("doc_id")), in.json("params")));
        add("_graphql.from_doc", in -> GraphQLBatch.fromDoc(in.text("doc"), in.json("params")));
        add("_graphql.from_query", in -> GraphQLBatch.fromQuery(in.text("query"), in.json("params")));
        add("_graphql.from_query_id", in -> GraphQLBatch.fromQueryId(Py.str(in.json("query_id")), in.json("params")));
        add("_session.parse_server_js_define", in -> ServerJsDefine.parse(in.text("html")));
        add("_session.base36encode", in -> Base36.encode(in.json("number").asLong()));
        add("_session.prefix_url", in -> Endpoints.FACEBOOK.prefixUrl(in.text("url")).toString());
        add("_session.get_error_data", in -> LoginPages.errorText(in.text("html")));
        add("_session.get_fb_dtsg", in -> ServerJsDefine.fbDtsg(map(in.json("define"))));
        add("_session.find_form_request", in -> {
            LoginPages.FormRequest form = LoginPages.formRequest(in.text("html"), Endpoints.FACEBOOK.facebook());
            return List.of(form.url().toString(), form.data());
        });
    }

    private static void util() {
        add("_util.strip_json_cruft", in -> FacebookJson.stripJsonCruft(in.text("text")));
        add("_util.parse_json", in -> FacebookJson.parse(in.text("text")));
        add("_util.get_jsmods_require", in -> ServerJsDefine.jsmodsRequire(in.json("require")));
        add("_util.get_jsmods_define", in -> ServerJsDefine.jsmodsDefine(in.json("define")));
        add("_util.mimetype_to_key", in -> MimeTypes.uploadKey(in.text("mimetype")));
        add("_util.get_url_parameter", in -> QueryStrings.parameter(in.text("url"), in.text("param")));
        add("_util.seconds_to_datetime", in -> Py.secondsToDatetime(in.json("timestamp_in_seconds")));
        add("_util.millis_to_datetime", in -> Py.millisToDatetime(in.json("timestamp_in_milliseconds")));
        add("_util.datetime_to_seconds", in -> Times.toSeconds(in.instant("dt")));
        add("_util.datetime_to_millis", in -> Times.toMillis(in.instant("dt")));
        add("_util.seconds_to_timedelta", in -> Times.ofSeconds(in.json("seconds").asDouble()));
        add("_util.millis_to_timedelta", in -> Py.millisToTimedelta(in.json("milliseconds")));
        add("_util.timedelta_to_seconds", in -> Times.toSeconds(in.duration("td")));
        add("_util.json_minimal", in -> FacebookJson.minimal(in.json("data")));
        add("_util.int_or_none", in -> Py.intOrNull(in.jsonOrNull("inp")));
        add("_util.get_limits", in -> {
            JsonNode limit = in.json("limit");
            Iterator<Integer> pages = Limits.pages(limit.isNull() ? null : limit.asInt(), in.json("max_limit").asInt());
            List<Integer> sizes = new ArrayList<>();
            pages.forEachRemaining(sizes::add);
            return sizes;
        });
    }

    private static Object formatMentions(FixtureInput in) {
        List<MentionFormatter.Target> args = new ArrayList<>();
        for (JsonNode arg : in.json("args")) {
            args.add(new MentionFormatter.Target(arg.get(0).asString(), arg.get(1).asString()));
        }
        Map<String, MentionFormatter.Target> kwargs = new LinkedHashMap<>();
        if (in.has("kwargs")) {
            in.json("kwargs").properties().forEach(p -> kwargs.put(p.getKey(),
                    new MentionFormatter.Target(p.getValue().get(0).asString(), p.getValue().get(1).asString())));
        }
        MentionFormatter.Result result = Message.formatMentions(in.text("text"), args, kwargs);
        return List.of(result.text(), result.mentions());
    }

    private static Map<String, Object> customization(ThreadParser.Customization info) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("emoji", info.emoji());
        map.put("color", info.color());
        if (info.nicknames() != null) {
            map.put("nicknames", info.nicknames());
        }
        if (info.hasNickname()) {
            map.put("nickname", info.nickname());
        }
        if (info.hasOwnNickname()) {
            map.put("own_nickname", info.ownNickname());
        }
        return map;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Map<String, JsonNode> map(JsonNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.properties().forEach(p -> map.put(p.getKey(), p.getValue()));
        return map;
    }
}
