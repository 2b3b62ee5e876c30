package io.communique.web;

import io.communique.model.FactType;

import java.util.Map;

/** Chinese and English names of the fact types, for the dashboard. */
final class TypeLabels {
    private TypeLabels() {
    }

    static Map<String, String> of(FactType type) {
        return switch (type) {
            case VISIT -> Map.of("zh", "访问", "en", "Visit");
            case TALKS -> Map.of("zh", "会谈", "en", "Talks");
            case MEETING -> Map.of("zh", "会见", "en", "Meeting");
            case PHONE_CALL -> Map.of("zh", "通话", "en", "Phone call");
            case STATEMENT_SIGNED -> Map.of("zh", "联合声明", "en", "Joint statement");
            case AGREEMENT_SIGNED -> Map.of("zh", "签署协议", "en", "Agreement signed");
            case SUMMIT -> Map.of("zh", "峰会", "en", "Summit");
        };
    }
}
