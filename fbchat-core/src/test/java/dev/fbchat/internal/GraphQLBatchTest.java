package dev.fbchat.internal;

import dev.fbchat.ParseError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the fixtures do not show of the GraphQL batch codec. */
class GraphQLBatchTest {

    @Test
    void aTruncatedBatchAnswerIsAParseError() {
        assertThatThrownBy(() -> GraphQLBatch.responseToJson("{\"q0\":{\"data\":")).isInstanceOf(ParseError.class);
    }

    @Test
    void theSummaryObjectDropsTheLastSlot() {
        assertThat(GraphQLBatch.responseToJson("for (;;);{\"q0\":{\"data\":1}}\r\n{\"successful_results\":1,"
                + "\"error_results\":0,\"skipped_results\":0}")).hasSize(1).first().hasToString("1");
    }
}
