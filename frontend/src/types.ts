// Wire types of the Communiqué REST API and WebSocket (see docs/api.md).

export const FACT_TYPES = [
  'VISIT',
  'TALKS',
  'MEETING',
  'PHONE_CALL',
  'STATEMENT_SIGNED',
  'AGREEMENT_SIGNED',
  'SUMMIT',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface Fact {
  id: string;
  documentId: string;
  source?: string | null;
  type: FactType | string;
  participants: string[];
  initiator?: string | null;
  persons?: string[];
  date?: string | null;
  endDate?: string | null;
  location?: string | null;
  title?: string | null;
  topics?: string[];
  confidence?: number;
  evidence?: Evidence | null;
  extractor?: { name: string; version: string } | null;
  /**
   * Set on a fact that came slim in a live update (no persons, place, topics, offsets…): its evidence is only
   * `evidenceLine`, and its details are fetched over REST when shown.
   */
  slim?: boolean;
  /** a slim fact's evidence, shortened to one line. */
  evidenceLine?: string | null;
}

/** A fact as a live update carries it (docs/api.md, WebSocket): what the live feed shows. */
export interface SlimFact {
  id: string;
  documentId: string;
  type: FactType | string;
  participants: string[];
  initiator?: string | null;
  date?: string | null;
  endDate?: string | null;
  title?: string | null;
  /** the evidence's text, shortened. */
  evidence?: string | null;
}

export interface FactRef {
  id: string;
  type: string;
  counterparts: string[];
  date?: string | null;
  endDate?: string | null;
  location?: string | null;
  title?: string | null;
}

export interface CountryCount {
  code: string;
  factCount: number;
}
export interface TopicCount {
  id: string;
  factCount: number;
}
export interface KeyCount {
  key: string;
  count: number;
}

export interface Counterpart {
  code: string;
  total: number;
  byType: Record<string, number>;
}

export interface CountryView {
  code: string;
  factCount: number;
  counterparts: Counterpart[];
  visitsMade: FactRef[];
  visitsReceived: FactRef[];
  agreements: FactRef[];
  statements: FactRef[];
  topics: KeyCount[];
  facts: Fact[];
  /** facts (reports) involving it; `facts` lists the most recent */
  reportCount?: number;
  visitsMadeCount?: number;
  visitsReceivedCount?: number;
  agreementsCount?: number;
  statementsCount?: number;
}

export interface TopicView {
  id: string;
  factCount: number;
  countries: KeyCount[];
  facts: Fact[];
  reportCount?: number;
}

/** One real-world event and every report of it (GET /api/events/{id}; see docs/events.md). */
export interface EventView {
  id: string;
  type?: FactType | string | null;
  participants: string[];
  initiator?: string | null;
  persons?: string[];
  date?: string | null;
  endDate?: string | null;
  location?: string | null;
  title?: string | null;
  documentCount?: number;
  reports: Fact[];
  /** fields the reports disagree on, with every value given */
  conflicts: { field: string; values: string[] }[];
  /** why each report after the first is in the event: the report it agrees with best, and on what */
  joins: { report: string; with: string; agreed: string[] }[];
}

/** GET /api/totals: counters from everything the server holds. */
export interface Totals {
  facts: number;
  events: number;
  reports: number;
  /** events by their merged type */
  eventsByType?: Record<string, number>;
  documents?: number;
  countries?: number;
  topics?: number;
}

/** GET /api/totals?country= or ?topic=: one country's or topic's events and the reports in them. */
export interface EventTally {
  events: number;
  reports: number;
}

export interface DocumentRecord {
  id: string;
  text: string;
  source?: string | null;
  url?: string | null;
  language?: string | null;
  published?: string | null;
  receivedAt?: string | null;
}

export interface Bilingual {
  zh?: string;
  en?: string;
}
export interface Labels {
  countries: Record<string, Bilingual>;
  topics: Record<string, Bilingual>;
  types: Record<string, Bilingual>;
}

export interface IngestResult {
  documentId: string;
  facts: string[];
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export type ServerMessage =
  /** factTotal: every fact the server holds (absent from older servers); totals: GET /api/totals at the snapshot. */
  | { type: 'snapshot'; countries: CountryCount[]; topics: TopicCount[]; facts: Fact[]; factTotal?: number; totals?: Totals | null }
  /**
   * what changed since the previous update, at most a few a second: the latest new or corrected facts (slim, oldest
   * first; parsed into Facts with `slim` set), the latest retracted ids, how many of each were left out, and every fact
   * the server holds.
   */
  | { type: 'update'; facts: Fact[]; retracted: string[]; omitted: { facts: number; retracted: number }; factTotal?: number }
  /** new facts, whole, oldest first (`mode=all` sockets only; the dashboard gets updates). */
  | { type: 'facts'; facts: Fact[] }
  | { type: 'view'; kind: 'country'; key: string; view: CountryView }
  | { type: 'view'; kind: 'topic'; key: string; view: TopicView }
  /** views changed that this page does not watch: their new counts only. */
  | { type: 'counts'; counts: ViewCount[] }
  /** a fact a newer extraction no longer finds. */
  | { type: 'retraction'; id: string }
  /** a new fact matched a watch (see docs/api.md, Watches and alerts). */
  | { type: 'alert'; alert: Alert };

/** A watch as GET /api/watches serves it (the webhook's secret only in the answer to its creation). */
export interface Watch {
  id: string;
  name: string;
  countries: string[];
  pair: string[];
  types: string[];
  topics: string[];
  persons: string[];
  webhook: { url: string; secret?: string | null } | null;
  createdAt: string;
}

/** The body of POST /api/watches. */
export interface NewWatch {
  name?: string;
  countries?: string[];
  pair?: string[];
  types?: string[];
  topics?: string[];
  persons?: string[];
  webhook?: { url: string; secret?: string };
}

/** An alert as on communique.alerts.v1: a fact that matched a watch. */
export interface Alert {
  id: string;
  watchId: string;
  watchName: string;
  acceptedAt: string;
  fact: Fact;
}

export interface ViewCount {
  kind: 'country' | 'topic';
  key: string;
  factCount: number;
}
