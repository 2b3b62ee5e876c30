package io.communique.projection;

import io.communique.model.EventView;
import io.communique.model.Fact;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges every report of one real-world event into its view: a pure function, {@code fold(view, fact) -> view}.
 * The view is derived from the set of reports alone, never from their order, so any order of arrival and a rebuild
 * give the same bytes. Merge rules, field by field:
 * <ul>
 *   <li>type, initiator, location, title: the value most reports give, ties to the first in natural order (for
 *       the type: TALKS before MEETING);</li>
 *   <li>date: a full date beats one without year, then as above;</li>
 *   <li>endDate: a range beats a single day (a later report with the range refines the event); among ranges, the
 *       end most reports give, ties to the latest;</li>
 *   <li>persons: every person any report names;</li>
 *   <li>conflicts: every field on which reports give two or more different values, listing them.</li>
 * </ul>
 * {@link State} is the same fold kept incrementally, for the projection.
 */
public final class EventFold {
    private EventFold() {
    }

    public static EventView empty(String eventId) {
        return new State(eventId).view();
    }

    /** The view with the report applied; the same view when the fact reports another event or is already in it. */
    public static EventView fold(EventView view, Fact fact) {
        State state = State.of(view);
        return state.apply(fact) ? state.view() : view;
    }

    /** The view without the retracted report; the same view when it did not hold it. */
    public static EventView retract(EventView view, String factId) {
        State state = State.of(view);
        return state.retract(factId) ? state.view() : view;
    }

    /** One event's reports by fact id; the view is derived only when asked for after a change. Not thread-safe. */
    static final class State {
        private final String eventId;
        private final TreeMap<String, Fact> reports = new TreeMap<>();
        private EventView view;

        State(String eventId) {
            this.eventId = eventId;
        }

        static State of(EventView view) {
            State state = new State(view.id());
            view.reports().forEach(state::apply);
            return state;
        }

        /** Applies a report; false when it belongs to another event or is already in it as it is. */
        boolean apply(Fact fact) {
            if (!eventId.equals(fact.eventId()) || fact.equals(reports.get(fact.id()))) {
                return false;
            }
            reports.put(fact.id(), fact);
            view = null;
            return true;
        }

        /** Removes a report a newer extraction no longer finds; false when it was not in the view. */
        boolean retract(String factId) {
            if (reports.remove(factId) == null) {
                return false;
            }
            view = null;
            return true;
        }

        EventView view() {
            if (view == null) {
                view = derive();
            }
            return view;
        }

        private EventView derive() {
            Collection<Fact> all = reports.values();
            List<EventView.Conflict> conflicts = new ArrayList<>();
            String type = merged("type", all, fact -> fact.type().name(), MOST_GIVEN.thenComparing(TYPE_ORDER), conflicts);
            String initiator = merged("initiator", all, Fact::initiator, MOST_GIVEN, conflicts);
            String date = merged("date", all, Fact::date, FULL_DATE_FIRST.thenComparing(MOST_GIVEN), conflicts);
            String endDate = merged("endDate", all, Fact::endDate, MOST_GIVEN.thenComparing(LATEST), conflicts);
            String location = merged("location", all, Fact::location, MOST_GIVEN, conflicts);
            String title = merged("title", all, Fact::title, MOST_GIVEN, conflicts);
            Fact any = all.isEmpty() ? null : all.iterator().next();
            return new EventView(eventId, type == null ? null : FactType.valueOf(type),
                    any == null ? List.of() : any.participants(), initiator,
                    List.copyOf(all.stream().flatMap(fact -> fact.persons().stream()).collect(Collectors.toCollection(TreeSet::new))),
                    date, endDate, location, title,
                    (int) all.stream().map(Fact::documentId).distinct().count(), List.copyOf(all), conflicts);
        }
    }

    /** A value given by some reports and how many. */
    private record Given(String value, long reports) {
    }

    private static final Comparator<Given> MOST_GIVEN = Comparator.comparingLong(Given::reports).reversed();
    private static final Comparator<Given> FULL_DATE_FIRST = Comparator.comparing(given -> given.value().startsWith("--"));
    /** TALKS before MEETING: when as many reports say each, the more formal word wins. */
    private static final Comparator<Given> TYPE_ORDER = Comparator.comparing(given -> FactType.valueOf(given.value()));
    private static final Comparator<Given> LATEST = Comparator.comparing(Given::value, Comparator.reverseOrder());

    /**
     * The value of one field: reports that give none are left out; the best by {@code preference}, ties to the first
     * value in natural order. Two or more values make a conflict.
     */
    private static String merged(String field, Collection<Fact> reports, Function<Fact, String> value,
                                 Comparator<Given> preference, List<EventView.Conflict> conflicts) {
        Map<String, Long> counts = reports.stream().map(value).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        if (counts.size() > 1) {
            conflicts.add(new EventView.Conflict(field, List.copyOf(counts.keySet())));
        }
        return counts.entrySet().stream().map(entry -> new Given(entry.getKey(), entry.getValue()))
                .min(preference.thenComparing(Given::value)).map(Given::value).orElse(null);
    }
}
