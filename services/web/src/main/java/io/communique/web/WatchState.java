package io.communique.web;

import io.communique.model.Alert;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The watches and the latest alerts, kept current from {@link Topics#WATCHES} and {@link Topics#ALERTS}. Applying an
 * alert tells the live message clients get. Not thread-safe: the web verticle's event loop owns it.
 */
final class WatchState {
    /** The topics this state is kept from, followed together. */
    static final List<String> TOPICS = List.of(Topics.WATCHES, Topics.ALERTS);
    /** How many of the latest alerts the API lists. */
    static final int RECENT_ALERTS = 200;

    private final Map<String, Watch> watches = new LinkedHashMap<>();
    /** Alerts by id, oldest first; an alert is on its topic once, but a restart of the web reads them all again. */
    private final Map<String, Alert> alerts = new LinkedHashMap<>();

    /**
     * Applies one record of {@link Topics#WATCHES} or {@link Topics#ALERTS}; returns the message clients get for a
     * new alert, or null. Invalid JSON throws {@link IllegalArgumentException}.
     */
    String apply(String topic, String key, byte[] value) {
        if (topic.equals(Topics.WATCHES)) {
            if (value == null) {
                watches.remove(key);
            } else {
                put(Json.read(value, Watch.class));
            }
            return null;
        }
        if (!topic.equals(Topics.ALERTS) || value == null) {
            return null;
        }
        Alert alert = Json.read(value, Alert.class);
        if (alerts.putIfAbsent(alert.id(), alert) != null) {
            return null;
        }
        if (alerts.size() > RECENT_ALERTS) {
            Iterator<String> oldest = alerts.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return "{\"type\":\"alert\",\"alert\":" + new String(value, StandardCharsets.UTF_8) + "}";
    }

    /** A watch the API just wrote, known at once (its record comes back through the topic later). */
    void put(Watch watch) {
        watches.remove(watch.id());
        watches.put(watch.id(), watch);
    }

    void remove(String id) {
        watches.remove(id);
    }

    /** The watch with this id, or null. */
    Watch watch(String id) {
        return watches.get(id);
    }

    /** Every watch, oldest first, without the webhook secrets. */
    List<Watch> watches() {
        return watches.values().stream().map(Watch::withoutSecret).toList();
    }

    /** The latest alerts, newest first, of one watch when given. */
    List<Alert> alerts(String watchId, int limit) {
        List<Alert> newestFirst = new ArrayList<>();
        new ArrayDeque<>(alerts.values()).descendingIterator().forEachRemaining(alert -> {
            if (newestFirst.size() < limit && (watchId == null || alert.watchId().equals(watchId))) {
                newestFirst.add(alert);
            }
        });
        return newestFirst;
    }
}
