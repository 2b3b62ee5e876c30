package io.communique.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.FactType;

/** {@code --type} and {@code --country}: keeps the facts of that type and with that participant (null = any). */
record FactFilter(FactType type, String participant) {

    static final FactFilter NONE = new FactFilter(null, null);

    boolean isNone() {
        return type == null && participant == null;
    }

    /** Tests the fact's value fields {@code type} and {@code participants}. */
    boolean test(JsonNode value) {
        if (type != null && !value.path("type").asText().equals(type.name())) {
            return false;
        }
        if (participant != null) {
            for (JsonNode code : value.path("participants")) {
                if (code.asText().equals(participant)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
