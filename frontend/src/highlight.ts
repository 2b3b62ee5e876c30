// Splits a document's text into segments so each fact's evidence can be marked at its offsets.
// Offsets are UTF-16 indices (JS string indices), as in Java.
import type { Evidence } from './types';

export interface Span {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** ids of the spans covering this segment (empty: plain text). */
  ids: string[];
}

export interface Located {
  start: number;
  end: number;
  /** true when the given offsets match the evidence text (or there is no text to check against). */
  exact: boolean;
}

/**
 * Where the evidence sits in the text: its offsets when they are valid and agree with evidence.text,
 * else the occurrence of evidence.text nearest to the given start, else null.
 */
export function locateEvidence(text: string, ev: Evidence | null | undefined): Located | null {
  if (!ev) return null;
  const { start, end } = ev;
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
  if (valid && (!ev.text || text.slice(start, end) === ev.text)) return { start, end, exact: true };
  if (ev.text) {
    let best = -1;
    let from = 0;
    for (;;) {
      const i = text.indexOf(ev.text, from);
      if (i < 0) break;
      if (best < 0 || Math.abs(i - (start || 0)) < Math.abs(best - (start || 0))) best = i;
      from = i + 1;
    }
    if (best >= 0) return { start: best, end: best + ev.text.length, exact: false };
  }
  if (valid) return { start, end, exact: false };
  return null;
}

/** Cuts text at every span boundary; overlapping spans give segments carrying several ids. */
export function segments(text: string, spans: Span[]): Segment[] {
  const clean = spans
    .map((s) => ({ id: s.id, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = Array.from(cuts).sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (b <= a) continue;
    const ids = clean.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
    const prev = out[out.length - 1];
    if (prev && prev.ids.length === 0 && ids.length === 0) {
      prev.end = b;
      prev.text = text.slice(prev.start, b);
    } else {
      out.push({ start: a, end: b, text: text.slice(a, b), ids });
    }
  }
  return out;
}
