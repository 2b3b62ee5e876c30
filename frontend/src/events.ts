// Events (one per real-world occasion, every report of it): pure helpers for the event page and the event lists.
import { locateEvidence } from './highlight';
import type { Lang } from './i18n';
import type { EventView, Fact } from './types';

/** The fields of a report the event page compares, as the event view's conflicts name them. */
export const COMPARED_FIELDS = ['type', 'date', 'endDate', 'location', 'title', 'initiator'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** A report's own value of a field, as the conflicts list it. */
export function reportValue(report: Fact, field: string): string | null {
  const v = (report as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The fields on which this report gives a value the event does not: those of the conflicts where it differs. */
export function disagreementsOf(event: EventView, report: Fact): string[] {
  const out: string[] = [];
  for (const c of event.conflicts ?? []) {
    const mine = reportValue(report, c.field);
    const merged = (event as unknown as Record<string, unknown>)[c.field];
    if (mine !== null && mine !== merged) out.push(c.field);
  }
  return out;
}

/** Why a report is in the event (null for the first report, which the others joined). */
export function joinOf(event: EventView, reportId: string): EventView['joins'][number] | null {
  return (event.joins ?? []).find((j) => j.report === reportId) ?? null;
}

/** "3 reports" / "1 report" / "3 篇报道". */
export function reportCountLabel(n: number, lang: Lang): string {
  if (lang === 'zh') return `${n} 篇报道`;
  return `${n.toLocaleString('en')} ${n === 1 ? 'report' : 'reports'}`;
}

/** A cited sentence in its report: a little of the text before and after it, cut at sentence ends where possible. */
export interface InContext {
  before: string;
  cited: string;
  after: string;
  /** false when the offsets did not match and the sentence was found by its text */
  exact: boolean;
}

const SENTENCE_END = /[。！？!?.\n]/;

/**
 * The evidence sentence with up to {@code radius} characters of the report on each side (the previous and next
 * sentence when they are short), or the sentence alone when the report's text is not known or does not hold it.
 */
export function inContext(text: string | null | undefined, evidence: Fact['evidence'], radius = 120): InContext | null {
  if (!evidence) return null;
  if (!text) return { before: '', cited: evidence.text ?? '', after: '', exact: false };
  const at = locateEvidence(text, evidence);
  if (!at) return { before: '', cited: evidence.text ?? '', after: '', exact: false };
  let from = Math.max(0, at.start - radius);
  // Start after the end of a sentence before the window's start, unless that leaves nothing.
  for (let i = from; i < at.start - 1; i++) {
    if (SENTENCE_END.test(text[i])) {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(text.length, at.end + radius);
  for (let i = at.end + 1; i < to; i++) {
    if (SENTENCE_END.test(text[i])) {
      to = i + 1;
      break;
    }
  }
  const before = (from > 0 ? '…' : '') + text.slice(from, at.start).replace(/^\s+/, '');
  const after = text.slice(at.end, to).replace(/\s+$/, '') + (to < text.length ? '…' : '');
  return { before, cited: text.slice(at.start, at.end), after, exact: at.exact };
}
