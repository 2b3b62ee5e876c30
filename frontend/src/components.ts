// Small DOM building blocks shared by the pages. All data goes in as text.
import { api } from './api';
import type { Ctx } from './context';
import { h } from './dom';
import { formatConfidence, formatCount, formatDateRange, oneLine } from './format';
import { href } from './router';
import { mergeFacts } from './state';
import type { Fact, FactRef } from './types';

export function typeBadge(ctx: Ctx, type: string): HTMLElement {
  return h('span', { class: `type-badge t-${cssIdent(type)}`, 'data-type': type }, ctx.i18n.type(type));
}

export function cssIdent(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function countryLink(ctx: Ctx, code: string): HTMLElement {
  return h(
    'a',
    { href: href.country(code), class: 'country-link', 'data-code': code },
    h('span', { class: 'code' }, code),
    ' ',
    ctx.i18n.country(code),
  );
}

export function topicLink(ctx: Ctx, id: string, count?: number): HTMLElement {
  return h(
    'a',
    { href: href.topic(id), class: 'chip', 'data-topic': id },
    ctx.i18n.topic(id),
    count !== undefined ? h('span', { class: 'chip-count' }, String(count)) : null,
  );
}

/** "China → Russia" when the fact has an initiator, else "China · Russia". */
export function participantsLine(ctx: Ctx, f: Pick<Fact, 'participants' | 'initiator'>): (HTMLElement | string)[] {
  const ps = f.participants ?? [];
  const out: (HTMLElement | string)[] = [];
  if (f.initiator && ps.includes(f.initiator) && ps.length > 1) {
    out.push(countryLink(ctx, f.initiator), ' → ');
    ps.filter((p) => p !== f.initiator).forEach((p, i) => {
      if (i > 0) out.push(', ');
      out.push(countryLink(ctx, p));
    });
  } else {
    ps.forEach((p, i) => {
      if (i > 0) out.push(' · ');
      out.push(countryLink(ctx, p));
    });
  }
  return out;
}

export function dateText(ctx: Ctx, f: { date?: string | null; endDate?: string | null }): string {
  return f.date ? formatDateRange(f.date, f.endDate, ctx.i18n.lang) : ctx.i18n.t('unknownDate');
}

/** One fact as a summary line (type, names, date) and its evidence in one line. */
export function factSummary(ctx: Ctx, f: Fact): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'fact-head' },
      typeBadge(ctx, f.type),
      h('span', { class: 'fact-parties' }, participantsLine(ctx, f)),
      h('time', { class: 'fact-date', datetime: f.date && /^\d{4}/.test(f.date) ? f.date : null }, dateText(ctx, f)),
    ),
    f.title ? h('div', { class: 'fact-title' }, '《', f.title.replace(/^《|》$/g, ''), '》') : (null as never),
    h('div', { class: 'fact-evidence-line' }, oneLine(f.evidence?.text ?? f.evidenceLine, 160)),
  ].filter(Boolean);
}

/** A fact that expands (keyboard-accessible <details>) to its full evidence and attributes. */
export function factDetails(ctx: Ctx, f: Fact, opts: { open?: boolean; fresh?: boolean; tag?: 'li' | 'div' } = {}): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const dl = h('dl', { class: 'fact-attrs' });
  const row = (k: string, v: Node | string | (Node | string)[] | null | undefined) => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return;
    dl.append(h('dt', null, k), h('dd', null, v));
  };
  row(t('participants'), participantsLine(ctx, f));
  row(t('persons'), (f.persons ?? []).join('、'));
  row(t('date'), dateText(ctx, f));
  row(t('location'), f.location ?? '');
  row(
    t('topics'),
    (f.topics ?? []).map((x) => topicLink(ctx, x)),
  );
  row(t('confidence'), formatConfidence(f.confidence));
  row(t('source'), f.source ?? '');
  if (f.extractor) row('extractor', `${f.extractor.name} ${f.extractor.version}`);
  const details = h(
    'details',
    { class: 'fact', open: opts.open ?? false },
    h('summary', null, factSummary(ctx, f)),
    h(
      'div',
      { class: 'fact-body' },
      h('blockquote', { class: 'evidence', lang: guessLang(f.evidence?.text ?? f.evidenceLine) }, f.evidence?.text ?? f.evidenceLine ?? ''),
      dl,
      f.documentId ? h('a', { class: 'doc-link', href: href.document(f.documentId, f.id) }, t('openDocument'), ' →') : null,
    ),
  );
  const wrap = h(opts.tag ?? 'li', { class: `fact-item${opts.fresh ? ' new' : ''}`, 'data-fact-id': f.id, 'data-type': f.type }, details);
  if (f.slim) {
    // A live fact came slim: its details are fetched when it is opened, and the whole fact takes its place.
    let asked = false;
    const whole = () => {
      if (asked || !details.open) return;
      asked = true;
      wholeFact(ctx, f)
        .then((full) => {
          if (full && wrap.isConnected) wrap.replaceWith(factDetails(ctx, full, { ...opts, open: details.open, fresh: wrap.classList.contains('new') }));
        })
        .catch(() => {
          asked = false; // the next opening asks again
        });
    };
    details.addEventListener('toggle', whole);
    if (opts.open) queueMicrotask(whole);
  }
  return wrap;
}

/** A slim fact's whole version, from the facts of its document over REST (all merged into the state); null when gone. */
export async function wholeFact(ctx: Ctx, f: Fact): Promise<Fact | null> {
  const facts = (await api.facts({ document: f.documentId, limit: 1000 })).filter((x) => x.documentId === f.documentId);
  mergeFacts(ctx.state, facts);
  return facts.find((x) => x.id === f.id) ?? null;
}

/** A FactRef (from a country view), expandable when the full fact is known. */
export function factRefItem(ctx: Ctx, ref: FactRef, full: Fact | undefined): HTMLElement {
  if (full) return factDetails(ctx, full);
  return h(
    'li',
    { class: 'fact-item', 'data-fact-id': ref.id, 'data-type': ref.type },
    h(
      'div',
      { class: 'fact-head' },
      typeBadge(ctx, ref.type),
      h('span', { class: 'fact-parties' }, (ref.counterparts ?? []).flatMap((c, i) => (i ? [', ', countryLink(ctx, c)] : [countryLink(ctx, c)]))),
      h('time', { class: 'fact-date' }, dateText(ctx, ref)),
    ),
    ref.title ? h('div', { class: 'fact-title' }, '《', ref.title.replace(/^《|》$/g, ''), '》') : null,
    ref.location ? h('div', { class: 'muted' }, ref.location) : null,
  );
}

export function guessLang(text: string | null | undefined): string | null {
  if (!text) return null;
  return /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
}

export function section(title: string, id: string | null, ...children: (Node | null)[]): HTMLElement {
  return h('section', { class: 'card', id, 'aria-labelledby': id ? `${id}-h` : null }, h('h2', { id: id ? `${id}-h` : null }, title), children);
}

/**
 * "All facts (12)", or "Latest facts (50 / 3,000)" when a view carries only its most recent facts besides its total;
 * "All reports"/"Latest reports" on pages that list events first.
 */
export function factsHeading(ctx: Ctx, shown: number, total: number | null | undefined, what: 'Facts' | 'Reports' = 'Facts'): (HTMLElement | string)[] {
  const all = typeof total !== 'number' || total <= shown;
  const count = all ? formatCount(shown, ctx.i18n.lang) : `${formatCount(shown, ctx.i18n.lang)} / ${formatCount(total, ctx.i18n.lang)}`;
  return [ctx.i18n.t(`${all ? 'all' : 'latest'}${what}`), ' ', h('span', { class: 'muted' }, `(${count})`)];
}

export function emptyNote(ctx: Ctx): HTMLElement {
  return h('p', { class: 'muted empty' }, ctx.i18n.t('noData'));
}

export function errorNote(ctx: Ctx, err: unknown): HTMLElement {
  const e = err as { status?: number; message?: string };
  const msg = e.status === 404 ? ctx.i18n.t('notFound') : `${ctx.i18n.t('error')}: ${e.message ?? String(err)}`;
  return h('p', { class: 'error', role: 'alert' }, msg);
}

/** Horizontal stacked bar of counts per type (widths through CSSOM, allowed by a strict CSP). */
export function typeBar(ctx: Ctx, byType: Record<string, number>, max: number): HTMLElement {
  const bar = h('span', { class: 'bar', role: 'img', 'aria-label': Object.entries(byType).map(([k, v]) => `${ctx.i18n.type(k)} ${v}`).join(', ') });
  for (const [type, n] of Object.entries(byType)) {
    if (!n) continue;
    const seg = h('span', { class: `bar-seg t-${cssIdent(type)}`, title: `${ctx.i18n.type(type)}: ${n}` });
    seg.style.width = `${(100 * n) / Math.max(1, max)}%`;
    bar.append(seg);
  }
  return bar;
}

export function simpleBar(value: number, max: number, cls = ''): HTMLElement {
  const bar = h('span', { class: 'bar' });
  const seg = h('span', { class: `bar-seg ${cls}` });
  seg.style.width = `${(100 * value) / Math.max(1, max)}%`;
  bar.append(seg);
  return bar;
}

export function typeLegend(ctx: Ctx, types: string[]): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    types.map((t) => h('li', null, h('span', { class: `swatch t-${cssIdent(t)}` }), ctx.i18n.type(t))),
  );
}
