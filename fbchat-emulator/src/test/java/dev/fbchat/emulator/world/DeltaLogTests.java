package dev.fbchat.emulator.world;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.fbchat.emulator.MessengerEmulator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The bounded log: compact deltas, the newest kept, older queues overflowing, followers in order. */
class DeltaLogTests {

    @Test
    void keepsEachDeltaOnceAsCompactJson() {
        DeltaLog log = new DeltaLog(3);

        Delta delta = log.append(sequenceId -> EmulatorJson.MAPPER.createObjectNode()
            .put("irisSeqId", Long.toString(sequenceId))
            .put("body", "é"));

        assertThat(new String(delta.json(), StandardCharsets.UTF_8)).isEqualTo("{\"irisSeqId\":\"1001\",\"body\":\"é\"}");
        assertThat(delta.sequenceId()).isEqualTo(1001);
        assertThat(log.lastSequenceId()).isEqualTo(1001);
    }

    @Test
    void keepsTheNewestDeltasAndOverflowsOlderQueues() throws Exception {
        DeltaLog log = new DeltaLog(3);
        for (int i = 0; i < 5; i++) {
            log.append(sequenceId -> EmulatorJson.MAPPER.createObjectNode().put("n", sequenceId));
        }

        assertThat(log.lastSequenceId()).isEqualTo(1005);
        assertThat(log.oldestResumableSequenceId()).isEqualTo(1002);
        assertThatExceptionOfType(DeltaLog.QueueOverflowException.class).isThrownBy(() -> log.follow(1001, batch -> {
        }));
        List<Long> seen = new ArrayList<>();
        List<String> order = new ArrayList<>();
        try (AutoCloseable queue = log.follow(1002, () -> order.add("opened"), batch -> {
            order.add("batch");
            batch.forEach(delta -> seen.add(delta.sequenceId()));
        })) {
            log.append(sequenceId -> EmulatorJson.MAPPER.createObjectNode().put("n", sequenceId));
        }
        log.append(sequenceId -> EmulatorJson.MAPPER.createObjectNode().put("n", sequenceId));

        assertThat(order).containsExactly("opened", "batch", "batch");
        assertThat(seen).containsExactly(1003L, 1004L, 1005L, 1006L);
        assertThat(log.oldestResumableSequenceId()).isEqualTo(1004);
    }

    @Test
    void aFreshLogNeverOverflows() throws Exception {
        DeltaLog log = new DeltaLog(2);
        log.append(sequenceId -> EmulatorJson.MAPPER.createObjectNode());
        List<Long> seen = new ArrayList<>();
        try (AutoCloseable queue = log.follow(0, batch -> batch.forEach(delta -> seen.add(delta.sequenceId())))) {
            assertThat(seen).containsExactly(1001L);
        }
    }

    @Test
    void theBoundIsAnOptionOrASystemProperty() {
        assertThat(MessengerEmulator.Options.defaults().maxDeltasPerAccount()).isEqualTo(DeltaLog.DEFAULT_CAPACITY);
        String property = MessengerEmulator.Options.MAX_DELTAS_PROPERTY;
        System.setProperty(property, "42");
        try {
            assertThat(MessengerEmulator.Options.defaults().maxDeltasPerAccount()).isEqualTo(42);
            System.setProperty(property, "many");
            assertThatIllegalArgumentException().isThrownBy(MessengerEmulator.Options::defaults);
        }
        finally {
            System.clearProperty(property);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> MessengerEmulator.Options.defaults().withMaxDeltasPerAccount(0));
        assertThat(World.seeded(7).deltaLog("100000000000001").capacity()).isEqualTo(7);
    }
}
