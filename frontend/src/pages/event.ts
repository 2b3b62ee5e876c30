// Event page: one real-world event (type, parties, date or range, place, title), every report of it with its source,
// its evidence in the report's text and its own date and place, why each report joined, and where reports disagree.
import { ApiError, api } from '../api';
import { countryLink, dateText, emptyNote, errorNote, guessLang, participantsLine, typeBadge } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import { disagreementsOf, inContext, joinOf, reportCountLabel } from '../events';
import { href, type Route } from '../router';
import type { Changes } from '../state';
import type { DocumentRecord, EventView, Fact } from '../types';

/** The host a report's URL names (what a reader knows an outlet by), or the URL when it has none. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function eventPage(ctx: Ctx, route: Extract<Route, { page: 'event' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const id = route.id;
  const ac = new AbortController();
  const body = h('div', null, h('p', { class: 'muted' }, t('loading')));
  const el = h('div', { class: 'page event', 'data-event-id': id }, body);
  /** The reports' documents, loaded once each: the source, the published date and the text around the evidence. */
  const documents = new Map<string, DocumentRecord | null>();
  let event: EventView | null = null;

  const fieldLabel = (field: string): string =>
    field === 'date' ? t('date') : field === 'endDate' ? `${t('date')} (${t('to').toLowerCase()})` : field === 'location' ? t('location')
      : field === 'title' ? t('title') : field === 'type' ? t('type') : field === 'initiator' ? t('participants') : field;
  const fieldValue = (field: string, value: string): string => (field === 'type' ? ctx.i18n.type(value) : value);

  function reportItem(e: EventView, r: Fact, index: number): HTMLElement {
    const doc = documents.get(r.documentId);
    const differs = new Set(disagreementsOf(e, r));
    const quote = inContext(doc?.text, r.evidence);
    const join = joinOf(e, r.id);
    const own = (field: string, label: string, value: string | null | undefined) =>
      value ? h('span', { class: `report-${field}${differs.has(field) ? ' differs' : ''}`, 'data-field': field }, label, ': ', value) : null;
    return h(
      'li',
      { class: 'report', 'data-fact-id': r.id, 'data-document-id': r.documentId },
      h(
        'div',
        { class: 'fact-head' },
        h('span', { class: 'report-number' }, `${index + 1}.`),
        typeBadge(ctx, r.type),
        h('span', { class: 'report-source' }, doc?.url ? h('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank', title: doc.url }, hostOf(doc.url)) : doc?.source ?? r.source ?? ''),
        doc?.url && doc.source ? h('span', { class: 'muted' }, doc.source) : null,
        doc?.published ? h('span', { class: 'muted' }, doc.published) : null,
        doc?.language ? h('span', { class: 'muted' }, doc.language) : null,
      ),
      h(
        'div',
        { class: 'report-fields' },
        own('date', t('date'), r.date ? dateText(ctx, r) : null),
        own('location', t('location'), r.location),
        own('title', t('title'), r.title),
        differs.has('type') ? own('type', t('type'), ctx.i18n.type(r.type)) : null,
      ),
      quote
        ? h('blockquote', { class: 'evidence', lang: doc?.language ?? guessLang(quote.cited) }, quote.before, h('mark', { class: 'cited' }, quote.cited), quote.after)
        : null,
      h(
        'div',
        { class: 'report-join' },
        join
          ? [t('joinedWith'), ' ', h('a', { href: `#report-${join.with}`, 'data-with': join.with }, String(reportIndex(e, join.with) + 1)), ' ', t('joinedOn'), ' ',
             h('span', { class: 'agreed' }, join.agreed.map((a) => h('span', { class: 'chip' }, a)))]
          : h('span', { class: 'muted' }, t('firstReport')),
      ),
      h('a', { class: 'doc-link', href: href.document(r.documentId, r.id) }, t('openDocument'), ' →'),
    );
  }

  function reportIndex(e: EventView, factId: string): number {
    return e.reports.findIndex((r) => r.id === factId);
  }

  function render(e: EventView): void {
    const reports = e.reports ?? [];
    const conflicts = e.conflicts ?? [];
    replaceChildren(
      body,
      h(
        'div',
        { class: 'page-head' },
        h('h1', null, typeBadge(ctx, e.type ?? ''), ' ', h('span', { class: 'event-parties' }, participantsLine(ctx, e))),
        h(
          'div',
          { class: 'kpis' },
          h('span', null, h('strong', { id: 'event-report-count', 'data-count': String(reports.length) }, reportCountLabel(reports.length, ctx.i18n.lang))),
          h('span', null, h('strong', null, String(e.documentCount ?? reports.length)), ' ', t('documents')),
        ),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'ev-h', id: 'event-summary' },
        h('h2', { id: 'ev-h' }, t('event')),
        h(
          'dl',
          { class: 'fact-attrs' },
          h('dt', null, t('type')), h('dd', { 'data-field': 'type' }, ctx.i18n.type(e.type ?? '')),
          h('dt', null, t('participants')), h('dd', { 'data-field': 'participants' }, (e.participants ?? []).flatMap((p, i) => (i ? [' · ', countryLink(ctx, p)] : [countryLink(ctx, p)]))),
          (e.persons ?? []).length ? [h('dt', null, t('persons')), h('dd', null, (e.persons ?? []).join('、'))] : null,
          h('dt', null, t('date')), h('dd', { 'data-field': 'date' }, h('time', { datetime: e.date && /^\d{4}/.test(e.date) ? e.date : null }, dateText(ctx, e))),
          e.location ? [h('dt', null, t('location')), h('dd', { 'data-field': 'location' }, e.location)] : null,
          e.title ? [h('dt', null, t('title')), h('dd', { 'data-field': 'title' }, `《${e.title.replace(/^《|》$/g, '')}》`)] : null,
        ),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'cf-h' },
        h('h2', { id: 'cf-h' }, t('disagreements')),
        conflicts.length
          ? h('ul', { id: 'event-conflicts', class: 'conflicts' }, conflicts.map((c) =>
              h('li', { 'data-field': c.field }, h('strong', null, fieldLabel(c.field)), ': ',
                c.values.flatMap((v, i) => (i ? [' ≠ ', h('span', { class: 'conflict-value' }, fieldValue(c.field, v))] : [h('span', { class: 'conflict-value' }, fieldValue(c.field, v))])))))
          : h('p', { id: 'event-conflicts', class: 'muted' }, t('noDisagreement')),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'rp-h' },
        h('h2', { id: 'rp-h' }, t('reportsOfEvent'), ' ', h('span', { class: 'muted' }, `(${reports.length})`)),
        h('p', { class: 'muted' }, t('whyJoined')),
        h('ol', { id: 'event-reports', class: 'reports' }, reports.length ? reports.map((r, i) => {
          const item = reportItem(e, r, i);
          item.id = `report-${r.id}`;
          return item;
        }) : h('li', null, emptyNote(ctx))),
      ),
    );
  }

  function loadDocuments(e: EventView): void {
    const missing = Array.from(new Set(e.reports.map((r) => r.documentId))).filter((d) => d && !documents.has(d));
    missing.forEach((d) => documents.set(d, null));
    Promise.all(missing.map((d) => api.document(d, ac.signal).then((doc) => documents.set(d, doc)).catch(() => undefined))).then(() => {
      if (!ac.signal.aborted && event === e && missing.length) render(e);
    });
  }

  function load(): void {
    api
      .event(id, ac.signal)
      .then((e) => {
        event = e;
        render(e);
        loadDocuments(e);
      })
      .catch((err) => {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404 && event) return;
        replaceChildren(body, h('div', { class: 'page-head' }, h('h1', null, t('event')), h('code', null, id)), errorNote(ctx, err));
      });
  }
  load();

  /** Reads the event again at most once a second, however many facts of its parties arrive. */
  let reload: ReturnType<typeof setTimeout> | null = null;
  function scheduleLoad(): void {
    if (reload !== null) return;
    reload = setTimeout(() => {
      reload = null;
      if (!ac.signal.aborted) load();
    }, 1000);
  }

  return {
    el,
    title: t('event'),
    update(ch: Changes) {
      // A new report may join this event (or a re-extraction move one out): read the view again.
      if (ch.snapshot || ch.newFacts.some((f) => event?.participants.every((p) => f.participants.includes(p))) || ch.retracted.length) scheduleLoad();
    },
    dispose() {
      if (reload !== null) clearTimeout(reload);
      ac.abort();
    },
  };
}
