// Country page: counterparts ranked by type, visits made/received on a map with arcs, talks and meetings,
// statements and agreements with titles, topics, a timeline, its events (each occasion once, with its number of
// reports; counted by the server's totals) and its latest reports expandable to their evidence.
import { ApiError, api } from '../api';
import { countryLink, emptyNote, errorNote, factDetails, factRefItem, factsHeading, topicLink, typeBar, typeLegend } from '../components';
import type { Ctx, Page } from '../context';
import { h, keepFocus, replaceChildren, reveal } from '../dom';
import { I18n } from '../i18n';
import { formatCount } from '../format';
import { WorldMap, type Arc } from '../map';
import { href, type Route } from '../router';
import { isFresh, type Changes } from '../state';
import { timelineSvg } from '../timeline';
import { FACT_TYPES, type CountryView, type EventTally, type Fact, type FactRef } from '../types';
import { eventsCard } from '../eventlist';

const MEETING_TYPES = new Set(['TALKS', 'MEETING', 'PHONE_CALL', 'SUMMIT']);

export function countryPage(ctx: Ctx, route: Extract<Route, { page: 'country' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const code = route.code;
  const ac = new AbortController();
  const body = h('div', { class: 'country-body' }, h('p', { class: 'muted' }, t('loading')));
  const el = h('div', { class: 'page country', 'data-code': code }, body);
  let view: CountryView | null = ctx.state.countryViews.get(code) ?? null;
  const n = (x: number) => formatCount(x, ctx.i18n.lang);
  // Counters from the totals of every event view (one per occasion), not from the facts this page lists.
  const kpiEvents = h('strong', { 'data-kpi': 'events' }, '…');
  const kpiReports = h('strong', { 'data-kpi': 'reports' }, '…');
  const events = eventsCard(ctx, { country: code }, ac.signal, (tally: EventTally) => {
    kpiEvents.textContent = n(tally.events);
    kpiReports.textContent = n(tally.reports);
  });

  const map = new WorldMap({
    id: 'country-map',
    title: `${t('visits')}: ${ctx.i18n.country(code)}`,
    label: (c) => ctx.i18n.country(c),
    onSelect: (c) => ctx.navigate(href.country(c)),
  });

  function openFact(id: string): void {
    const item = el.querySelector<HTMLElement>(`#facts li[data-fact-id="${CSS.escape(id)}"]`);
    const details = item?.querySelector('details');
    if (!item || !details) return;
    details.open = true;
    reveal(item, 'center');
    item.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  }

  function render(v: CountryView): void {
    // keep expanded facts expanded across live updates
    const open = new Set(Array.from(el.querySelectorAll('details[open]')).map((d) => d.closest('[data-fact-id]')?.getAttribute('data-fact-id')));
    const facts: Fact[] = v.facts ?? [];
    const byId = new Map<string, Fact>(facts.map((f) => [f.id, f]));
    const full = (r: FactRef) => byId.get(r.id) ?? ctx.state.facts.get(r.id);
    const refList = (id: string, refs: FactRef[]) =>
      h('ul', { id, class: 'facts' }, refs.length ? refs.map((r) => factRefItem(ctx, r, full(r))) : h('li', null, emptyNote(ctx)));
    const other = ctx.i18n.lang === 'zh' ? 'en' : 'zh';
    const otherName = new I18n(other, ctx.i18n.labels).country(code);

    const counterparts = v.counterparts ?? [];
    const cmax = counterparts[0]?.total ?? 0;
    const typesSeen = FACT_TYPES.filter((ty) => counterparts.some((c) => c.byType?.[ty]));

    map.setSelected(code);
    map.setCounts(new Map(counterparts.map((c) => [c.code, c.total])));
    const arcs: Arc[] = [
      ...(v.visitsMade ?? []).flatMap((r) => (r.counterparts ?? []).map((c) => ({ from: code, to: c, cls: 'made', title: `${t('visitsMade')}: ${ctx.i18n.country(c)}` }))),
      ...(v.visitsReceived ?? []).flatMap((r) => (r.counterparts ?? []).map((c) => ({ from: c, to: code, cls: 'received', title: `${t('visitsReceived')}: ${ctx.i18n.country(c)}` }))),
    ];
    map.setArcs(arcs);

    const meetings = facts.filter((f) => MEETING_TYPES.has(f.type));

    replaceChildren(
      body,
      h(
        'div',
        { class: 'page-head' },
        h('h1', null, ctx.i18n.country(code)),
        h('span', { class: 'sub' }, otherName !== ctx.i18n.country(code) ? otherName : '', ' ', h('code', null, code)),
        h(
          'div',
          { class: 'kpis' },
          h('span', null, kpiEvents, ' ', t('events')),
          h('span', null, kpiReports, ' ', t('reports')),
          h('span', null, h('strong', null, n(counterparts.length)), ' ', t('counterparts')),
          h('span', null, h('strong', { 'data-kpi': 'visits-made' }, n(v.visitsMadeCount ?? v.visitsMade?.length ?? 0)), ' ', t('visitsMade')),
          h('span', null, h('strong', { 'data-kpi': 'visits-received' }, n(v.visitsReceivedCount ?? v.visitsReceived?.length ?? 0)), ' ', t('visitsReceived')),
        ),
      ),
      h(
        'div',
        { class: 'grid-2' },
        h(
          'div',
          { class: 'col' },
          events.el,
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'cmap-h' },
            h('h2', { id: 'cmap-h' }, t('visits')),
            map.el,
            h('ul', { class: 'legend' }, h('li', null, h('span', { class: 'swatch made' }), t('visitsMade')), h('li', null, h('span', { class: 'swatch received' }), t('visitsReceived'))),
          ),
          h('section', { class: 'card', 'aria-labelledby': 'tl-h' }, h('h2', { id: 'tl-h' }, t('timeline')), facts.length ? timelineSvg(ctx, facts, openFact) : emptyNote(ctx)),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'facts-h' },
            h('h2', { id: 'facts-h' }, factsHeading(ctx, facts.length, v.reportCount ?? v.factCount, 'Reports')),
            h('ul', { id: 'facts', class: 'facts' }, facts.length ? facts.map((f) => factDetails(ctx, f, { open: open.has(f.id), fresh: isFresh(ctx.state, f.id, ctx.now()) })) : h('li', null, emptyNote(ctx))),
          ),
        ),
        h(
          'div',
          { class: 'col' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'cp-h' },
            h('h2', { id: 'cp-h' }, t('counterparts')),
            typesSeen.length ? typeLegend(ctx, typesSeen) : null,
            h(
              'ol',
              { id: 'counterparts', class: 'ranked' },
              counterparts.length
                ? counterparts.map((c) => h('li', { 'data-code': c.code }, countryLink(ctx, c.code), h('span', { class: 'count' }, String(c.total)), typeBar(ctx, c.byType ?? {}, cmax)))
                : emptyNote(ctx),
            ),
          ),
          h('section', { class: 'card', 'aria-labelledby': 'vm-h' }, h('h2', { id: 'vm-h' }, t('visitsMade')), refList('visits-made', v.visitsMade ?? [])),
          h('section', { class: 'card', 'aria-labelledby': 'vr-h' }, h('h2', { id: 'vr-h' }, t('visitsReceived')), refList('visits-received', v.visitsReceived ?? [])),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'tm-h' },
            h('h2', { id: 'tm-h' }, `${ctx.i18n.type('TALKS')} / ${ctx.i18n.type('MEETING')}`),
            h('ul', { id: 'meetings', class: 'facts' }, meetings.length ? meetings.map((f) => factDetails(ctx, f)) : h('li', null, emptyNote(ctx))),
          ),
          h('section', { class: 'card', 'aria-labelledby': 'ag-h' }, h('h2', { id: 'ag-h' }, t('agreements')), refList('agreements', v.agreements ?? [])),
          h('section', { class: 'card', 'aria-labelledby': 'st-h' }, h('h2', { id: 'st-h' }, t('statements')), refList('statements', v.statements ?? [])),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'tp-h' },
            h('h2', { id: 'tp-h' }, t('topics')),
            h('ul', { id: 'country-topics', class: 'chips' }, (v.topics ?? []).length ? v.topics.map((x) => h('li', null, topicLink(ctx, x.key, x.count))) : emptyNote(ctx)),
          ),
        ),
      ),
    );
  }

  function load(): void {
    api
      .country(code, ac.signal)
      .then((v) => {
        view = v;
        ctx.state.countryViews.set(code, v);
        render(v);
      })
      .catch((err) => {
        if (ac.signal.aborted) return;
        if (err instanceof ApiError && err.status === 404 && view) return;
        replaceChildren(body, h('div', { class: 'page-head' }, h('h1', null, ctx.i18n.country(code)), h('code', null, code)), errorNote(ctx, err));
      });
  }

  if (view) render(view);
  load();
  events.refresh();

  return {
    el,
    title: ctx.i18n.country(code),
    update(ch: Changes) {
      if (ch.countryViews.has(code) || ch.snapshot || ch.retracted.length) events.refresh();
      if (ch.countryViews.has(code)) {
        view = ctx.state.countryViews.get(code) ?? view;
        if (view) keepFocus(el, () => render(view!));
      } else if (ch.snapshot) {
        load();
      }
    },
    dispose() {
      ac.abort();
    },
  };
}
