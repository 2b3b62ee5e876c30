// Topic page: which countries raise it, over time, its events (each occasion once, with its number of reports;
// counted by the server's totals) and its latest reports.
import { countByYear } from '../aggregate';
import { countryLink, emptyNote, errorNote, factDetails, factsHeading, simpleBar } from '../components';
import type { Ctx, Page } from '../context';
import { h, keepFocus, replaceChildren, s } from '../dom';
import { I18n } from '../i18n';
import type { Route } from '../router';
import { isFresh, type Changes } from '../state';
import { api } from '../api';
import type { EventTally, Fact, TopicView } from '../types';
import { eventsCard } from '../eventlist';
import { formatCount } from '../format';

export function yearBars(ctx: Ctx, facts: Fact[]): SVGSVGElement | HTMLElement {
  const data = countByYear(facts);
  if (!data.length) return emptyNote(ctx);
  const W = 800;
  const H = 140;
  const bw = Math.min(60, (W - 20) / data.length - 6);
  const max = Math.max(...data.map((d) => d.count));
  const svg = s('svg', { class: 'year-bars', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': data.map((d) => `${d.year ?? ctx.i18n.t('noYear')}: ${d.count}`).join(', ') });
  data.forEach((d, i) => {
    const x = 10 + i * (bw + 6);
    const bh = Math.max(2, ((H - 40) * d.count) / max);
    svg.append(
      s('rect', { x, y: H - 22 - bh, width: bw, height: bh, rx: 2 }, s('title', null, `${d.year ?? ctx.i18n.t('noYear')}: ${d.count}`)),
      s('text', { x: x + bw / 2, y: H - 8, 'text-anchor': 'middle' }, d.year === null ? '?' : String(d.year)),
      s('text', { x: x + bw / 2, y: H - 26 - bh, 'text-anchor': 'middle' }, String(d.count)),
    );
  });
  return svg;
}

export function topicPage(ctx: Ctx, route: Extract<Route, { page: 'topic' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const id = route.id;
  const ac = new AbortController();
  const body = h('div', null, h('p', { class: 'muted' }, t('loading')));
  const el = h('div', { class: 'page topic', 'data-topic': id }, body);
  let view: TopicView | null = ctx.state.topicViews.get(id) ?? null;
  const kpiEvents = h('strong', { 'data-kpi': 'events' }, '…');
  const kpiReports = h('strong', { 'data-kpi': 'reports' }, '…');
  const events = eventsCard(ctx, { topic: id }, ac.signal, (tally: EventTally) => {
    kpiEvents.textContent = formatCount(tally.events, ctx.i18n.lang);
    kpiReports.textContent = formatCount(tally.reports, ctx.i18n.lang);
  });

  function render(v: TopicView): void {
    const open = new Set(Array.from(el.querySelectorAll('details[open]')).map((d) => d.closest('[data-fact-id]')?.getAttribute('data-fact-id')));
    const facts = v.facts ?? [];
    const countries = [...(v.countries ?? [])].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    const max = countries[0]?.count ?? 0;
    const otherName = new I18n(ctx.i18n.lang === 'zh' ? 'en' : 'zh', ctx.i18n.labels).topic(id);
    replaceChildren(
      body,
      h(
        'div',
        { class: 'page-head' },
        h('h1', null, ctx.i18n.topic(id)),
        h('span', { class: 'sub' }, otherName !== ctx.i18n.topic(id) ? otherName : '', ' ', h('code', null, id)),
        h('div', { class: 'kpis' }, h('span', null, kpiEvents, ' ', t('events')), h('span', null, kpiReports, ' ', t('reports'))),
      ),
      h(
        'div',
        { class: 'grid-2' },
        h(
          'div',
          { class: 'col' },
          events.el,
          h('section', { class: 'card', 'aria-labelledby': 'ot-h' }, h('h2', { id: 'ot-h' }, t('overTime')), yearBars(ctx, facts)),
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'tf-h' },
            h('h2', { id: 'tf-h' }, factsHeading(ctx, facts.length, v.reportCount ?? v.factCount, 'Reports')),
            h('ul', { id: 'facts', class: 'facts' }, facts.length ? facts.map((f) => factDetails(ctx, f, { open: open.has(f.id), fresh: isFresh(ctx.state, f.id, ctx.now()) })) : h('li', null, emptyNote(ctx))),
          ),
        ),
        h(
          'div',
          { class: 'col' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'rb-h' },
            h('h2', { id: 'rb-h' }, t('raisedBy')),
            h(
              'ol',
              { id: 'topic-countries', class: 'ranked' },
              countries.length
                ? countries.map((c) => h('li', { 'data-code': c.key }, countryLink(ctx, c.key), h('span', { class: 'count' }, String(c.count)), simpleBar(c.count, max)))
                : emptyNote(ctx),
            ),
          ),
        ),
      ),
    );
  }

  function load(): void {
    api
      .topic(id, ac.signal)
      .then((v) => {
        view = v;
        ctx.state.topicViews.set(id, v);
        render(v);
      })
      .catch((err) => {
        if (ac.signal.aborted || view) return;
        replaceChildren(body, h('div', { class: 'page-head' }, h('h1', null, ctx.i18n.topic(id))), errorNote(ctx, err));
      });
  }
  if (view) render(view);
  load();
  events.refresh();

  return {
    el,
    title: ctx.i18n.topic(id),
    update(ch: Changes) {
      if (ch.topicViews.has(id) || ch.snapshot || ch.retracted.length) events.refresh();
      if (ch.topicViews.has(id)) {
        view = ctx.state.topicViews.get(id) ?? view;
        if (view) keepFocus(el, () => render(view!));
      } else if (ch.snapshot) load();
    },
    dispose: () => ac.abort(),
  };
}
