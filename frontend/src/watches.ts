// Watches (see docs/api.md, Watches and alerts): the body of POST /api/watches from the form's fields, and how the
// Watches page describes a watch's criteria. Pure, so it is tested without a DOM.
import type { NewWatch, Watch } from './types';

/** The fact types a watch may name (the watch schema's enum). */
export const FACT_TYPES = ['VISIT', 'TALKS', 'MEETING', 'PHONE_CALL', 'STATEMENT_SIGNED', 'AGREEMENT_SIGNED', 'SUMMIT'] as const;

/** What the form holds, as typed. */
export interface WatchForm {
  name: string;
  /** codes separated by commas, spaces or 、 */
  countries: string;
  pairA: string;
  pairB: string;
  types: string[];
  /** topic ids separated by commas or spaces */
  topics: string;
  /** names separated by commas, semicolons or 、 (a name may hold spaces) */
  persons: string;
  webhook: string;
}

/** Items of a list typed in one field, trimmed, empties and repeats dropped. */
export function splitList(text: string, separators: RegExp): string[] {
  const out: string[] = [];
  for (const part of text.split(separators)) {
    const item = part.trim();
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

const CODES = /[\s,，、;；]+/;
const NAMES = /[,，、;；]+/;

/**
 * The JSON body of POST /api/watches: only the criteria given (the server says what is wrong with them, and that
 * at least one is needed); codes upper-cased, topic ids lower-cased, the pair only when either half is typed.
 */
export function watchBody(form: WatchForm): NewWatch {
  const body: NewWatch = {};
  const name = form.name.trim();
  if (name) body.name = name;
  const countries = splitList(form.countries.toUpperCase(), CODES);
  if (countries.length) body.countries = countries;
  const a = form.pairA.trim().toUpperCase();
  const b = form.pairB.trim().toUpperCase();
  if (a || b) body.pair = [a, b].filter(Boolean);
  const types = FACT_TYPES.filter((t) => form.types.includes(t));
  if (types.length) body.types = [...types];
  const topics = splitList(form.topics.toLowerCase(), CODES);
  if (topics.length) body.topics = topics;
  const persons = splitList(form.persons, NAMES);
  if (persons.length) body.persons = persons;
  const url = form.webhook.trim();
  if (url) body.webhook = { url };
  return body;
}

/** A watch's criteria as [field, items] pairs, in the schema's order, the empty ones left out. */
export function criteria(w: Pick<Watch, 'countries' | 'pair' | 'types' | 'topics' | 'persons'>): [keyof Watch & string, string[]][] {
  const all: [keyof Watch & string, string[] | undefined][] = [
    ['countries', w.countries],
    ['pair', w.pair],
    ['types', w.types],
    ['topics', w.topics],
    ['persons', w.persons],
  ];
  return all.filter((c): c is [keyof Watch & string, string[]] => Array.isArray(c[1]) && c[1].length > 0);
}

/** An API error as the page shows it: "401 Unauthorized: the API token is not valid" (problem+json title, detail). */
export function problemText(status: number, problem: { title?: string; detail?: string } | null | undefined): string {
  const title = problem?.title?.trim();
  const detail = problem?.detail?.trim();
  const head = title ? `${status} ${title}` : `HTTP ${status}`;
  return detail ? `${head}: ${detail}` : head;
}
