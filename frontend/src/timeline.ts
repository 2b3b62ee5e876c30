// Timeline of facts: a pure layout (unit-tested) and its SVG rendering.
import { cssIdent } from './components';
import type { Ctx } from './context';
import { h, s } from './dom';
import { dateText } from './components';
import { parseFactDate } from './format';
import type { Lang } from './i18n';
import type { Fact } from './types';

export interface TimelineDot {
  id: string;
  type: string;
  x: number;
  row: number;
}
export interface TimelineTick {
  x: number;
  label: string;
}
export interface TimelineLayout {
  dots: TimelineDot[];
  ticks: TimelineTick[];
  /** facts left out: no date, or no year while others have one */
  undated: number;
  /** true when no fact has a year: the axis is month/day only */
  yearless: boolean;
  rows: number;
}

const DAY = 86_400_000;
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Places facts on a time axis between x0 and x1; facts on the same day stack in rows. */
export function layoutTimeline(facts: Fact[], x0: number, x1: number, lang: Lang): TimelineLayout {
  const parsed = facts.map((f) => ({ f, d: parseFactDate(f.date), e: parseFactDate(f.endDate) }));
  const withYear = parsed.filter((p) => p.d && p.d.year !== null);
  const yearless = withYear.length === 0;
  const usable = yearless ? parsed.filter((p) => p.d && p.d.month) : withYear;
  const t = (d: { year: number | null; month: number; day: number | null }) =>
    Date.UTC(yearless ? 2000 : (d.year as number), Math.max(0, d.month - 1), d.day ?? 1);
  const points = usable.map((p) => {
    const a = t(p.d!);
    const b = p.e && (p.e.year !== null || yearless) ? t(p.e) : a;
    return { f: p.f, at: (a + Math.max(a, b)) / 2 };
  });
  const undated = facts.length - points.length;
  if (points.length === 0) return { dots: [], ticks: [], undated, yearless, rows: 0 };
  let min = Math.min(...points.map((p) => p.at));
  let max = Math.max(...points.map((p) => p.at));
  const pad = Math.max(10 * DAY, (max - min) * 0.05);
  min -= pad;
  max += pad;
  const x = (v: number) => x0 + ((v - min) / (max - min)) * (x1 - x0);

  const rowsAt = new Map<number, number>();
  const dots = points
    .sort((a, b) => a.at - b.at || a.f.id.localeCompare(b.f.id))
    .map((p) => {
      const px = Math.round(x(p.at));
      // stack dots closer than 8px
      let row = 0;
      for (const [k, v] of rowsAt) if (Math.abs(k - px) < 8) row = Math.max(row, v + 1);
      rowsAt.set(px, row);
      return { id: p.f.id, type: p.f.type, x: px, row };
    });

  const ticks: TimelineTick[] = [];
  const span = max - min;
  const start = new Date(min);
  if (span <= 400 * DAY) {
    const step = span <= 120 * DAY ? 1 : span <= 240 * DAY ? 2 : 3;
    let d = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
    while (d <= max) {
      const dd = new Date(d);
      const m = dd.getUTCMonth();
      if (m % step === 0) {
        const label = lang === 'zh' ? `${m + 1}月` : EN_MONTHS[m];
        ticks.push({ x: Math.round(x(d)), label: m === 0 && !yearless ? `${dd.getUTCFullYear()}` : label });
      }
      d = Date.UTC(dd.getUTCFullYear(), m + 1, 1);
    }
  } else {
    const years = span / (365 * DAY);
    const step = years <= 10 ? 1 : years <= 25 ? 2 : years <= 60 ? 5 : 10;
    let y = start.getUTCFullYear() + 1;
    while (y % step) y++;
    for (; Date.UTC(y, 0, 1) <= max; y += step) ticks.push({ x: Math.round(x(Date.UTC(y, 0, 1))), label: String(y) });
  }
  const rows = Math.max(...dots.map((d) => d.row)) + 1;
  return { dots, ticks, undated, yearless, rows };
}

/**
 * Timelines of facts: one on a dated axis for facts with a year, one on a month/day axis for facts whose year is
 * unknown (reports without a published date), and a count of facts without any date. Activating a dot calls onPick.
 */
export function timelineSvg(ctx: Ctx, facts: Fact[], onPick: (id: string) => void): HTMLElement {
  const dated = facts.filter((f) => parseFactDate(f.date)?.year != null);
  const yearless = facts.filter((f) => {
    const d = parseFactDate(f.date);
    return d !== null && d.year === null;
  });
  const undated = facts.length - dated.length - yearless.length;
  const wrap = h('div', { class: 'timelines' });
  if (dated.length) wrap.append(oneTimeline(ctx, dated, onPick, null));
  if (yearless.length) wrap.append(oneTimeline(ctx, yearless, onPick, ctx.i18n.t('noYear')));
  if (undated > 0) wrap.append(h('p', { class: 'muted small' }, `+${undated} ${ctx.i18n.t('unknownDate')}`));
  return wrap;
}

function oneTimeline(ctx: Ctx, facts: Fact[], onPick: (id: string) => void, caption: string | null): SVGSVGElement {
  const W = 800;
  const layout = layoutTimeline(facts, 20, W - 20, ctx.i18n.lang);
  const rowH = 14;
  const top = caption ? 22 : 8;
  const H = Math.max(60, top + 34 + layout.rows * rowH);
  const axisY = H - 22;
  const byId = new Map(facts.map((f) => [f.id, f]));
  const svg = s('svg', { class: 'timeline', viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': caption ? `${ctx.i18n.t('timeline')} (${caption})` : ctx.i18n.t('timeline') });
  if (caption) svg.append(s('text', { x: 12, y: 14, class: 'muted-text' }, caption));
  const axis = s('g', { class: 'axis' }, s('line', { x1: 10, x2: W - 10, y1: axisY, y2: axisY }));
  for (const tk of layout.ticks) {
    axis.append(
      s('line', { x1: tk.x, x2: tk.x, y1: axisY, y2: axisY + 4 }),
      s('text', { x: tk.x, y: axisY + 16, 'text-anchor': 'middle' }, tk.label),
    );
  }
  svg.append(axis);
  for (const d of layout.dots) {
    const f = byId.get(d.id)!;
    const a = s('a', { tabindex: 0, role: 'button', 'data-fact-id': d.id, 'aria-label': `${ctx.i18n.type(f.type)} ${f.participants.join('–')} ${dateText(ctx, f)}` });
    a.append(
      s('circle', { cx: d.x, cy: axisY - 8 - d.row * rowH, r: 6, class: `t-${cssIdent(d.type)}` }),
      s('title', null, `${ctx.i18n.type(f.type)} · ${f.participants.map((p) => ctx.i18n.country(p)).join(' · ')} · ${dateText(ctx, f)}`),
    );
    a.addEventListener('click', () => onPick(d.id));
    a.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter' || (ev as KeyboardEvent).key === ' ') {
        ev.preventDefault();
        onPick(d.id);
      }
    });
    svg.append(a);
  }
  return svg;
}
