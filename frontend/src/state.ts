// The live view-model: a fold of WebSocket messages (and REST loads) into what the pages show.
// Pure apart from mutating the state object it is given; no DOM, no I/O (unit-tested).
import type { Alert, CountryView, Fact, ServerMessage, SlimFact, TopicView, Totals, ViewCount } from './types';

export const FEED_LIMIT = 200;
/** How long a newly arrived fact stays highlighted, in ms. */
export const FRESH_MS = 4000;

export interface LiveState {
  /** country/organisation code → fact count (from the snapshot and every country view). */
  countries: Map<string, number>;
  /** topic id → fact count. */
  topics: Map<string, number>;
  /** every fact the page knows, by id. */
  facts: Map<string, Fact>;
  /** ids for the live feed, newest first. */
  feed: string[];
  /** fact id → time it arrived live (for the highlight). */
  fresh: Map<string, number>;
  countryViews: Map<string, CountryView>;
  topicViews: Map<string, TopicView>;
  /** number of snapshots received (1 after the first connect; more after reconnects). */
  snapshots: number;
  /**
   * Every fact the server holds: its total at the latest snapshot, plus the live facts new to the page, minus the
   * retractions since. Null from a server that does not send it. (A live correction of a fact the page never loaded
   * counts once more until the next snapshot.)
   */
  factTotal: number | null;
  /** the server's totals (facts, events, reports…): from the snapshot, then from GET /api/totals; null before. */
  totals: Totals | null;
  /** facts that arrived live but were left out of the updates (too many at once), since the latest snapshot. */
  omittedFacts: number;
}

/** What a batch changed, so the page re-renders only what it shows. */
export interface Changes {
  snapshot: boolean;
  counts: boolean;
  newFacts: Fact[];
  /** ids of facts retracted: gone from the feed and the facts */
  retracted: string[];
  countryViews: Set<string>;
  topicViews: Set<string>;
}

export function emptyState(): LiveState {
  return {
    countries: new Map(),
    topics: new Map(),
    facts: new Map(),
    feed: [],
    fresh: new Map(),
    countryViews: new Map(),
    topicViews: new Map(),
    snapshots: 0,
    factTotal: null,
    totals: null,
    omittedFacts: 0,
  };
}

export function noChanges(): Changes {
  return { snapshot: false, counts: false, newFacts: [], retracted: [], countryViews: new Set(), topicViews: new Set() };
}

export function isEmpty(c: Changes): boolean {
  return !c.snapshot && !c.counts && c.newFacts.length === 0 && c.retracted.length === 0 && c.countryViews.size === 0
    && c.topicViews.size === 0;
}

/** Parses one WebSocket frame; null for anything that is not a known message. */
export function parseMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let m: unknown;
  try {
    m = JSON.parse(data);
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const msg = m as Record<string, unknown>;
  switch (msg.type) {
    case 'snapshot':
      return {
        type: 'snapshot',
        countries: Array.isArray(msg.countries) ? (msg.countries as never) : [],
        topics: Array.isArray(msg.topics) ? (msg.topics as never) : [],
        facts: Array.isArray(msg.facts) ? (msg.facts as Fact[]).filter(isFact) : [],
        factTotal: typeof msg.factTotal === 'number' ? msg.factTotal : undefined,
        totals: isTotals(msg.totals) ? msg.totals : null,
      };
    case 'update': {
      const omitted = (msg.omitted ?? {}) as Record<string, unknown>;
      return {
        type: 'update',
        facts: Array.isArray(msg.facts) ? (msg.facts as unknown[]).filter(isFact).map((f) => fromSlim(f as unknown as SlimFact)) : [],
        retracted: Array.isArray(msg.retracted) ? (msg.retracted as unknown[]).filter((id): id is string => typeof id === 'string') : [],
        omitted: { facts: count(omitted.facts), retracted: count(omitted.retracted) },
        factTotal: typeof msg.factTotal === 'number' ? msg.factTotal : undefined,
      };
    }
    case 'facts': {
      const facts = Array.isArray(msg.facts) ? (msg.facts as unknown[]).filter(isFact) : [];
      return facts.length > 0 ? { type: 'facts', facts } : null;
    }
    case 'view':
      if ((msg.kind === 'country' || msg.kind === 'topic') && typeof msg.key === 'string' && msg.view && typeof msg.view === 'object') {
        return msg as unknown as ServerMessage;
      }
      return null;
    case 'counts': {
      const counts = Array.isArray(msg.counts) ? (msg.counts as unknown[]).filter(isCount) : [];
      return counts.length > 0 ? { type: 'counts', counts } : null;
    }
    case 'retraction':
      return typeof msg.id === 'string' ? { type: 'retraction', id: msg.id } : null;
    case 'alert': {
      const alert = msg.alert as Alert | undefined;
      return alert && typeof alert === 'object' && typeof alert.id === 'string' && typeof alert.watchName === 'string'
        && isFact(alert.fact) ? { type: 'alert', alert: { ...alert, fact: normaliseFact(alert.fact) } } : null;
    }
    default:
      return null;
  }
}

function count(n: unknown): number {
  return typeof n === 'number' && n > 0 ? n : 0;
}

/** A slim fact of an update as a Fact the pages render: marked slim, its evidence a line without offsets. */
function fromSlim(f: SlimFact): Fact {
  const { evidence, ...rest } = f;
  return { ...rest, participants: Array.isArray(f.participants) ? f.participants : [], evidence: null, evidenceLine: typeof evidence === 'string' ? evidence : null, slim: true };
}

function isCount(c: unknown): c is ViewCount {
  const count = c as ViewCount;
  return !!c && typeof c === 'object' && (count.kind === 'country' || count.kind === 'topic') && typeof count.key === 'string'
    && typeof count.factCount === 'number';
}

export function isTotals(t: unknown): t is Totals {
  const totals = t as Totals;
  return !!t && typeof t === 'object' && typeof totals.facts === 'number' && typeof totals.events === 'number'
    && typeof totals.reports === 'number';
}

function isFact(f: unknown): f is Fact {
  return !!f && typeof f === 'object' && typeof (f as Fact).id === 'string' && typeof (f as Fact).type === 'string';
}

function normaliseFact(f: Fact): Fact {
  return Array.isArray(f.participants) ? f : { ...f, participants: [] };
}

/** Adds facts loaded over REST (not live: no highlight, not put in the feed unless it is empty). */
export function mergeFacts(state: LiveState, facts: Fact[]): void {
  for (const f of facts) if (isFact(f)) state.facts.set(f.id, normaliseFact(f));
}

/** Folds a batch of messages into the state; returns what changed. */
export function applyMessages(state: LiveState, msgs: ServerMessage[], now: number): Changes {
  const ch = noChanges();
  for (const msg of msgs) {
    switch (msg.type) {
      case 'snapshot': {
        state.snapshots++;
        state.factTotal = msg.factTotal ?? null;
        ch.snapshot = true;
        state.totals = msg.totals ?? null;
        ch.counts = true;
        state.countries = new Map(msg.countries.filter((c) => c && typeof c.code === 'string').map((c) => [c.code, c.factCount ?? 0]));
        state.topics = new Map(msg.topics.filter((t) => t && typeof t.id === 'string').map((t) => [t.id, t.factCount ?? 0]));
        // Resync: the snapshot is the truth (the server may have restarted on other data). Facts the
        // aggregates need beyond the snapshot's latest ones are reloaded over REST (mergeFacts).
        state.facts = new Map();
        state.feed = [];
        for (const f of msg.facts) {
          state.facts.set(f.id, normaliseFact(f));
          if (!state.feed.includes(f.id)) state.feed.push(f.id);
        }
        if (state.feed.length > FEED_LIMIT) state.feed.length = FEED_LIMIT;
        state.fresh.clear();
        state.omittedFacts = 0;
        // Views may have changed while disconnected: drop the cache, pages refetch.
        state.countryViews.clear();
        state.topicViews.clear();
        break;
      }
      case 'update': {
        addLiveFacts(state, msg.facts, now, ch, false);
        for (const id of msg.retracted) retract(state, id, ch);
        if (msg.factTotal !== undefined) state.factTotal = msg.factTotal; // the server's count: exact, omitted facts included
        state.omittedFacts += msg.omitted.facts;
        break;
      }
      case 'facts': {
        addLiveFacts(state, msg.facts, now, ch, true);
        break;
      }
      case 'view': {
        if (msg.kind === 'country') {
          state.countryViews.set(msg.key, msg.view);
          if (typeof msg.view.factCount === 'number' && state.countries.get(msg.key) !== msg.view.factCount) {
            state.countries.set(msg.key, msg.view.factCount);
            ch.counts = true;
          }
          for (const f of msg.view.facts ?? []) if (isFact(f)) state.facts.set(f.id, normaliseFact(f));
          ch.countryViews.add(msg.key);
        } else {
          state.topicViews.set(msg.key, msg.view);
          if (typeof msg.view.factCount === 'number' && state.topics.get(msg.key) !== msg.view.factCount) {
            state.topics.set(msg.key, msg.view.factCount);
            ch.counts = true;
          }
          for (const f of msg.view.facts ?? []) if (isFact(f)) state.facts.set(f.id, normaliseFact(f));
          ch.topicViews.add(msg.key);
        }
        break;
      }
      case 'counts': {
        for (const count of msg.counts) {
          const counts = count.kind === 'country' ? state.countries : state.topics;
          // A cached view the server no longer sends whole is stale: its page fetches it again.
          (count.kind === 'country' ? state.countryViews : state.topicViews).delete(count.key);
          if (counts.get(count.key) !== count.factCount) {
            counts.set(count.key, count.factCount);
            ch.counts = true;
          }
        }
        break;
      }
      case 'retraction': {
        retract(state, msg.id, ch);
        if (state.factTotal !== null) state.factTotal = Math.max(0, state.factTotal - 1);
        break;
      }
    }
  }
  // Forget highlights that have expired.
  for (const [id, t] of state.fresh) if (now - t > FRESH_MS) state.fresh.delete(id);
  return ch;
}

/**
 * Live facts, oldest first (the last is the newest): each new one goes to the top of the feed, highlighted; a
 * correction replaces the fact held. `counting`: the message has no factTotal, so new ids count one more.
 */
function addLiveFacts(state: LiveState, facts: Fact[], now: number, ch: Changes, counting: boolean): void {
  for (const fact of facts) {
    const f = normaliseFact(fact);
    const known = state.feed.includes(f.id);
    if (counting && state.factTotal !== null && !state.facts.has(f.id)) state.factTotal++;
    state.facts.set(f.id, f);
    if (!known) {
      state.feed.unshift(f.id);
      if (state.feed.length > FEED_LIMIT) state.feed.length = FEED_LIMIT;
      state.fresh.set(f.id, now);
      ch.newFacts.push(f);
    }
  }
}

/** A retracted fact leaves the feed and the facts; the views no longer count it (their changes come on their own). */
function retract(state: LiveState, id: string, ch: Changes): void {
  const shown = state.facts.delete(id) || state.feed.includes(id);
  state.feed = state.feed.filter((x) => x !== id);
  state.fresh.delete(id);
  if (shown) ch.retracted.push(id);
}

export function isFresh(state: LiveState, id: string, now: number): boolean {
  const t = state.fresh.get(id);
  return t !== undefined && now - t <= FRESH_MS;
}

/** Countries ranked by fact count (desc), then code. */
export function rankedCountries(state: LiveState): { code: string; factCount: number }[] {
  return Array.from(state.countries, ([code, factCount]) => ({ code, factCount })).sort(
    (a, b) => b.factCount - a.factCount || a.code.localeCompare(b.code),
  );
}

export function rankedTopics(state: LiveState): { id: string; factCount: number }[] {
  return Array.from(state.topics, ([id, factCount]) => ({ id, factCount })).sort(
    (a, b) => b.factCount - a.factCount || a.id.localeCompare(b.id),
  );
}

export function feedFacts(state: LiveState): Fact[] {
  const out: Fact[] = [];
  for (const id of state.feed) {
    const f = state.facts.get(id);
    if (f) out.push(f);
  }
  return out;
}
