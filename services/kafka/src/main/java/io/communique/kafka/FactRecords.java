package io.communique.kafka;

import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.FactReader;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/** The checks every reader of fact records makes, the same wherever facts are read (router, projections, web). */
public final class FactRecords {
    private FactRecords() {
    }

    /**
     * Checks a fact record's type and value (present, at most {@link Topics#MAX_FACT_BYTES}, one JSON value) and
     * returns whether it is a retraction; throws {@link BadRecord} otherwise. A record without {@code ce_type} is a
     * fact (producers that write plain JSON).
     */
    public static boolean checkIsRetraction(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
        String type = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (type != null && !type.equals(CloudEvents.FACT_TYPE) && !CloudEvents.isRetraction(type)) {
            throw new BadRecord(BadRecord.Kind.UNKNOWN_TYPE, "unknown ce_type '"
                    + (type.length() > 80 ? type.substring(0, 80) + "…" : type) + "'");
        }
        RecordValues.json(record.value(), Topics.MAX_FACT_BYTES);
        return CloudEvents.isRetraction(type);
    }

    /** The whole fact of a record that {@link #checkIsRetraction} passed; {@link BadRecord} when it is no fact. */
    public static Fact read(ConsumerRecord<String, byte[]> record) {
        return BadRecord.shape(() -> FactReader.read(record.value()));
    }
}
