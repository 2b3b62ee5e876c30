package io.communique.web;

import io.communique.model.Fact;
import io.communique.model.Json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One browser's time-lapse of a period: the facts dated in it, played in date order on a clock that runs at
 * {@code speed} days of diplomacy per second of wall time (1× to 1000×), with play, pause, speed and seek. Pure
 * state: {@link #advance} is called by a timer and returns the messages to send, so it is testable without time.
 */
final class TimeLapse {
    static final int MAX_SPEED = 1000;
    private static final Comparator<Fact> BY_DATE = Comparator.comparing(Fact::date).thenComparing(Fact::id);

    private final List<Fact> facts;
    private final LocalDate from;
    private final LocalDate to;
    private double clockDays; // days since {@code from}
    private int next;         // index of the first fact not yet sent
    private int speed;
    private boolean playing;

    /** The facts with a full date in [from, to]; facts whose year is unknown cannot be placed and are left out. */
    TimeLapse(List<Fact> allFacts, LocalDate from, LocalDate to, int speed) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        this.from = from;
        this.to = to;
        this.speed = clampSpeed(speed);
        List<Fact> inPeriod = new ArrayList<>();
        for (Fact fact : allFacts) {
            if (fact.date() != null && !fact.date().startsWith("--")) {
                LocalDate date = LocalDate.parse(fact.date());
                if (!date.isBefore(from) && !date.isAfter(to)) {
                    inPeriod.add(fact);
                }
            }
        }
        inPeriod.sort(BY_DATE);
        this.facts = inPeriod;
    }

    int size() {
        return facts.size();
    }

    /** Applies a control message {@code {"action": "play"|"pause"|"speed"|"seek", "value": …}}; returns messages. */
    List<String> control(Map<String, Object> command) {
        Object action = command.get("action");
        Object value = command.get("value");
        if ("play".equals(action)) {
            playing = true;
        } else if ("pause".equals(action)) {
            playing = false;
        } else if ("speed".equals(action) && value instanceof Number number) {
            speed = clampSpeed(number.intValue());
        } else if ("seek".equals(action) && value instanceof String date) {
            return seek(LocalDate.parse(date));
        } else {
            throw new IllegalArgumentException("unknown control: " + command);
        }
        return List.of(clock());
    }

    /** Moves the clock by {@code seconds} of wall time when playing; returns the facts now due and the clock. */
    List<String> advance(double seconds) {
        if (!playing) {
            return List.of();
        }
        clockDays = Math.min(clockDays + seconds * speed, periodDays());
        List<String> messages = new ArrayList<>(due());
        messages.add(clock());
        if (clockDays >= periodDays()) {
            playing = false;
            messages.add("{\"type\":\"replay-end\"}");
        }
        return messages;
    }

    /** A new start: facts before the date count as already shown; the client rebuilds its picture from "reset". */
    private List<String> seek(LocalDate date) {
        LocalDate clamped = date.isBefore(from) ? from : date.isAfter(to) ? to : date;
        clockDays = clamped.toEpochDay() - from.toEpochDay();
        next = 0;
        List<String> messages = new ArrayList<>();
        messages.add("{\"type\":\"replay-reset\"}");
        messages.addAll(due());
        messages.add(clock());
        return messages;
    }

    private List<String> due() {
        List<String> messages = new ArrayList<>();
        LocalDate now = from.plusDays((long) Math.floor(clockDays));
        while (next < facts.size() && !LocalDate.parse(facts.get(next).date()).isAfter(now)) {
            messages.add("{\"type\":\"replay-fact\",\"fact\":" + Json.write(facts.get(next)) + "}");
            next++;
        }
        return messages;
    }

    String clock() {
        Map<String, Object> clock = new LinkedHashMap<>();
        clock.put("type", "replay-clock");
        clock.put("date", from.plusDays((long) Math.floor(clockDays)).toString());
        clock.put("from", from.toString());
        clock.put("to", to.toString());
        clock.put("speed", speed);
        clock.put("playing", playing);
        clock.put("shown", next);
        clock.put("total", facts.size());
        return Json.write(clock);
    }

    private long periodDays() {
        return to.toEpochDay() - from.toEpochDay();
    }

    private static int clampSpeed(int speed) {
        return Math.max(1, Math.min(MAX_SPEED, speed));
    }
}
