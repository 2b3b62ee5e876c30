package io.communique.model;

import java.util.Map;
import java.util.TreeMap;

/** A country's counterpart with the number of facts shared, in all and per type. */
public record Counterpart(String code, int total, Map<FactType, Integer> byType) {

    public Counterpart {
        byType = new TreeMap<>(byType);
    }
}
