// Time-lapse (replay) model: the /ws/replay URL, control messages, and a pure reducer from replay messages to what
// the page shows (unit-tested). The page in pages/timelapse.ts owns the socket and the DOM.
import { dateKey } from './format';
import { wsUrl } from './socket';
import type { Fact } from './types';

export const MIN_SPEED = 1;
export const MAX_SPEED = 1000;
/** How many of the latest replayed facts the page lists. */
export const LATEST_SHOWN = 12;

export type ReplayMessage =
  | { type: 'replay-clock'; date: string; from: string; to: string; speed: number; playing: boolean; shown: number; total: number }
  | { type: 'replay-fact'; fact: Fact }
  | { type: 'replay-reset' }
  | { type: 'replay-end' }
  | { type: 'replay-error'; detail: string };

export type ReplayControl =
  | { action: 'play' }
  | { action: 'pause' }
  | { action: 'speed'; value: number }
  | { action: 'seek'; value: string };

export interface LapseState {
  /** the replay clock's current day (null before the first clock message). */
  date: string | null;
  from: string | null;
  to: string | null;
  speed: number;
  playing: boolean;
  /** facts shown so far (the server's count; replayed facts add to it between clock ticks). */
  shown: number;
  total: number | null;
  ended: boolean;
  error: string | null;
  /** country code → facts replayed so far (the map). */
  counts: Map<string, number>;
  /** newest first, at most LATEST_SHOWN. */
  latest: Fact[];
}

export function emptyLapse(speed = 30): LapseState {
  return { date: null, from: null, to: null, speed, playing: false, shown: 0, total: null, ended: false, error: null, counts: new Map(), latest: [] };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(s: unknown): s is string {
  return typeof s === 'string' && ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

/** Parses one replay frame; null for anything that is not a known, well-formed message. */
export function parseReplayMessage(data: unknown): ReplayMessage | null {
  if (typeof data !== 'string') return null;
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(data) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  switch (m.type) {
    case 'replay-clock':
      return typeof m.date === 'string' ? (m as unknown as ReplayMessage) : null;
    case 'replay-fact': {
      const f = m.fact as Fact | undefined;
      return f && typeof f.id === 'string' && Array.isArray(f.participants) ? { type: 'replay-fact', fact: f } : null;
    }
    case 'replay-reset':
    case 'replay-end':
      return { type: m.type };
    case 'replay-error':
      return { type: 'replay-error', detail: typeof m.detail === 'string' ? m.detail : '' };
    default:
      return null;
  }
}

/** The close code of a socket closed normally: the time-lapse is over, nothing to explain. */
const NORMAL_CLOSURE = 1000;

/**
 * What the server said when it closed the time-lapse, or null when it said nothing: the reason of its close frame,
 * e.g. 1008 (policy violation) "more than 10000 facts in the period: choose a shorter one (REPLAY_MAX_FACTS)",
 * 1011 when it could not read the facts, 1013 when the client read too slowly. A dropped connection (1006) and a
 * normal close carry none worth showing.
 */
export function serverCloseReason(code: number, reason: string): string | null {
  const said = reason.trim();
  return code !== NORMAL_CLOSURE && said !== '' ? said : null;
}

/** Folds a batch of messages into a new state (the input is not modified; the counts map is copied once per batch). */
export function applyReplay(state: LapseState, msgs: readonly ReplayMessage[]): LapseState {
  const next: LapseState = { ...state, counts: new Map(state.counts), latest: state.latest.slice() };
  const arrived: Fact[] = [];
  for (const msg of msgs) {
    switch (msg.type) {
      case 'replay-clock':
        next.date = msg.date;
        next.from = msg.from ?? next.from;
        next.to = msg.to ?? next.to;
        next.speed = typeof msg.speed === 'number' ? msg.speed : next.speed;
        next.playing = !!msg.playing;
        if (typeof msg.shown === 'number') next.shown = msg.shown;
        if (typeof msg.total === 'number') next.total = msg.total;
        if (msg.playing) next.ended = false;
        break;
      case 'replay-fact':
        next.shown += 1;
        for (const c of new Set(msg.fact.participants)) next.counts.set(c, (next.counts.get(c) ?? 0) + 1);
        arrived.push(msg.fact);
        break;
      case 'replay-reset':
        // A seek (or restart): what the lapse has shown so far is gone.
        next.shown = 0;
        next.counts = new Map();
        next.latest = [];
        arrived.length = 0;
        next.ended = false;
        next.error = null;
        break;
      case 'replay-end':
        next.ended = true;
        next.playing = false;
        break;
      case 'replay-error':
        next.error = msg.detail || 'replay error';
        break;
    }
  }
  if (arrived.length) next.latest = [...arrived.slice(-LATEST_SHOWN).reverse(), ...next.latest].slice(0, LATEST_SHOWN);
  return next;
}

export function clampSpeed(n: number): number {
  if (!Number.isFinite(n)) return MIN_SPEED;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, Math.round(n)));
}

/** ws(s)://<same origin, beside the page>/ws/replay?from=…&to=…&speed=… */
export function replayUrl(loc: { protocol: string; host: string; pathname: string }, p: { from: string; to: string; speed: number }): string {
  const q = new URLSearchParams({ from: p.from, to: p.to, speed: String(clampSpeed(p.speed)) });
  return `${wsUrl(loc, 'ws/replay')}?${q}`;
}

/**
 * Default period: the span of the dated facts the page knows (partial dates count from their first day);
 * null when none has a year.
 */
export function factsSpan(facts: Iterable<Pick<Fact, 'date' | 'endDate'>>): { from: string; to: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  for (const f of facts) {
    for (const d of [f.date, f.endDate]) {
      const k = dateKey(d);
      if (!k || k.startsWith('0000')) continue;
      const day = k.replace(/-00/g, '-01');
      if (!isIsoDay(day)) continue;
      if (min === null || day < min) min = day;
      if (max === null || day > max) max = day;
    }
  }
  return min && max ? { from: min, to: max } : null;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `date` (both YYYY-MM-DD, UTC). */
export function daysBetween(from: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day `days` after `from`. */
export function addDays(from: string, days: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
