// Pure formatting helpers.
import type { Fact } from './types';
import type { Lang } from './i18n';

export interface PartialDate {
  year: number | null;
  month: number;
  day: number | null;
}

/** Parses "YYYY-MM-DD", "YYYY-MM", "--MM-DD" (year unknown). */
export function parseFactDate(s: string | null | undefined): PartialDate | null {
  if (!s) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^--(\d{2})-(\d{2})$/.exec(s);
  if (m) return { year: null, month: +m[1], day: +m[2] };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return { year: +m[1], month: +m[2], day: null };
  m = /^(\d{4})$/.exec(s);
  if (m) return { year: +m[1], month: 0, day: null };
  return null;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function fmtOne(d: PartialDate, lang: Lang, withYear: boolean, withMonth = true): string {
  if (lang === 'zh') {
    const y = withYear && d.year !== null ? `${d.year}年` : '';
    const mo = withMonth && d.month ? `${d.month}月` : '';
    const day = d.day !== null ? `${d.day}日` : '';
    return y + mo + day;
  }
  const parts: string[] = [];
  if (d.day !== null) parts.push(String(d.day));
  if (withMonth && d.month) parts.push(EN_MONTHS[d.month - 1] ?? '');
  if (withYear && d.year !== null) parts.push(String(d.year));
  return parts.join(' ');
}

/** "3 Jul 2017", "3–8 Jul 2017", "3 Jul" (no year), "2017年7月3日至8日". Unparseable strings are returned as given. */
export function formatDateRange(date: string | null | undefined, endDate: string | null | undefined, lang: Lang): string {
  const a = parseFactDate(date);
  if (!a) return date ?? '';
  const b = parseFactDate(endDate);
  if (!b || (b.year === a.year && b.month === a.month && b.day === a.day)) return fmtOne(a, lang, true);
  const sameYear = a.year === b.year || b.year === null;
  const sameMonth = sameYear && a.month === b.month;
  if (lang === 'zh') {
    return `${fmtOne(a, lang, true)}至${fmtOne(b, lang, !sameYear, !sameMonth)}`;
  }
  if (sameMonth && a.day !== null && b.day !== null) {
    return `${a.day}–${b.day} ${EN_MONTHS[a.month - 1]}${a.year !== null ? ' ' + a.year : ''}`;
  }
  return `${fmtOne(a, lang, !sameYear)} – ${fmtOne(b, lang, true)}`;
}

/** The fact's year, or null when the date has none. */
export function factYear(f: { date?: string | null }): number | null {
  return parseFactDate(f.date)?.year ?? null;
}

/** Sortable key: facts without a year sort last, then by month/day. */
export function dateKey(date: string | null | undefined): string {
  const d = parseFactDate(date);
  if (!d) return '';
  const y = d.year === null ? '0000' : String(d.year).padStart(4, '0');
  return `${y}-${String(d.month).padStart(2, '0')}-${String(d.day ?? 0).padStart(2, '0')}`;
}

/** Collapses whitespace and cuts to max characters (by code point) with an ellipsis. */
export function oneLine(text: string | null | undefined, max = 140): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('').trimEnd() + '…';
}

export function formatConfidence(c: number | null | undefined): string {
  if (c === null || c === undefined || Number.isNaN(c)) return '';
  return `${Math.round(c * 100)}%`;
}

/**
 * A count with thousands separators, as Intl formats it for en-US and zh-CN alike ("12,345"). Whole numbers are
 * grouped here: the first Intl formatter of a page loads ICU's locale data, tens of milliseconds of a first render.
 */
export function formatCount(n: number, lang: Lang): string {
  if (Number.isSafeInteger(n)) return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(n);
}

/** All unordered participant pairs of a fact, as "A|B" with A < B. */
export function pairsOf(f: Pick<Fact, 'participants'>): string[] {
  const ps = Array.from(new Set(f.participants ?? [])).sort();
  const out: string[] = [];
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) out.push(`${ps[i]}|${ps[j]}`);
  return out;
}

/** A fact's counterparts seen from one country. */
export function counterpartsOf(f: Pick<Fact, 'participants'>, code: string): string[] {
  return (f.participants ?? []).filter((p) => p !== code);
}
