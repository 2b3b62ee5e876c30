// Overview: headline counters, world choropleth, live feed, ranked countries, active pairs and topics, period filter.
import { api } from '../api';
import { countByCountry, countByType, topPairs, topTopics, yearsOf } from '../aggregate';
import { countryLink, emptyNote, factDetails, section, simpleBar, topicLink, typeBar } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import { formatCount } from '../format';
import { WorldMap } from '../map';
import { href, type Route } from '../router';
import { feedFacts, isFresh, isTotals, rankedCountries, rankedTopics, type Changes } from '../state';

const FEED_SHOWN = 50;
/**
 * Marked (performance.mark) once per page load, after the first frame that paints the overview's map with active
 * countries: "first render" in docs/performance.md, from navigation start; DashboardBrowserTest reports it.
 */
export const FIRST_RENDER_MARK = 'communique:first-render';
let firstRenderMarked = false;

function markFirstRender(): void {
  if (firstRenderMarked) return;
  firstRenderMarked = true;
  // The frame callback runs before that frame's paint; the task queued from it runs after the paint.
  requestAnimationFrame(() => setTimeout(() => performance.mark(FIRST_RENDER_MARK)));
}

export function overviewPage(ctx: Ctx, route: Extract<Route, { page: 'overview' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  let period = route.query.get('period') ?? 'all';

  const counters = h('div', { class: 'counters', id: 'counters' });
  const periodSelect = h('select', { id: 'period', 'aria-label': t('period') });
  periodSelect.addEventListener('change', () => {
    period = periodSelect.value;
    ctx.replaceQuery({ period: period === 'all' ? null : period });
    renderAggregates();
  });

  const offMap = h('ul', { id: 'off-map', class: 'chips off-map', 'aria-label': t('offMap') });
  const map = new WorldMap({
    id: 'map',
    title: t('map'),
    label: (c) => ctx.i18n.country(c),
    onSelect: (code) => ctx.navigate(href.country(code)),
  });
  const mapCard = h(
    'section',
    { class: 'card map-card', 'aria-labelledby': 'map-h' },
    h('div', { class: 'card-head' }, h('h2', { id: 'map-h' }, t('map')), h('label', { class: 'period' }, t('period'), ' ', periodSelect)),
    h('figure', { class: 'map-wrap' }, map.el, h('figcaption', { class: 'muted' }, t('mapHint'))),
    offMap,
    h('div', { class: 'map-legend', 'aria-hidden': 'true' }, h('span', null, '1'), [0, 1, 2, 3, 4].map((b) => h('span', { class: `swatch b${b}` })), h('span', null, t('max'))),
  );

  const feed = h('ul', { id: 'feed', class: 'feed', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  /** How many live facts the updates left out (a burst): the feed lists the latest, the counters count them all. */
  const omitted = h('p', { id: 'feed-omitted', class: 'muted', hidden: true });
  const countries = h('ol', { id: 'countries', class: 'ranked' });
  const pairs = h('ol', { id: 'pairs', class: 'ranked' });
  const topics = h('ul', { id: 'topics', class: 'chips' });

  const el = h(
    'div',
    { class: 'page overview' },
    counters,
    h(
      'div',
      { class: 'grid-2' },
      h('div', { class: 'col' }, mapCard, section(t('liveFeed'), 'feed-card', omitted, feed)),
      h(
        'div',
        { class: 'col' },
        section(t('countries'), 'countries-card', countries),
        section(t('mostActivePairs'), 'pairs-card', pairs),
        section(t('topics'), 'topics-card', topics),
      ),
    ),
  );

  function renderCounters(): void {
    const facts = Array.from(ctx.state.facts.values());
    const totals = ctx.state.totals;
    // Events of each type from the server's totals; only before the first totals, the facts this page loaded.
    const byType = totals?.eventsByType ? new Map(Object.entries(totals.eventsByType)) : countByType(facts);
    const n = (x: number) => formatCount(x, ctx.i18n.lang);
    const visits = byType.get('VISIT') ?? 0;
    const meetings = (byType.get('TALKS') ?? 0) + (byType.get('MEETING') ?? 0) + (byType.get('PHONE_CALL') ?? 0) + (byType.get('SUMMIT') ?? 0);
    const signed = (byType.get('AGREEMENT_SIGNED') ?? 0) + (byType.get('STATEMENT_SIGNED') ?? 0);
    const item = (key: string, label: string, value: number) =>
      h('div', { class: 'counter', 'data-counter': key }, h('span', { class: 'counter-value' }, n(value)), h('span', { class: 'counter-label' }, label));
    // Facts and events from the server's totals (every fact it holds), not from the facts this page loaded.
    replaceChildren(
      counters,
      item('facts', t('facts'), ctx.state.factTotal ?? totals?.facts ?? facts.length),
      item('events', t('events'), totals?.events ?? 0),
      item('countries', t('countries'), ctx.state.countries.size),
      item('topics', t('topics'), ctx.state.topics.size),
      item('visits', t('visits'), visits),
      item('meetings', `${ctx.i18n.type('TALKS')} / ${ctx.i18n.type('MEETING')}`, meetings),
      item('signed', t('agreementsAndStatements'), signed),
    );
  }

  function renderPeriodOptions(): void {
    const years = yearsOf(ctx.state.facts.values());
    const options = ['all', ...years.map(String)];
    if (!options.includes(period)) options.push(period);
    replaceChildren(
      periodSelect,
      options.map((o) => h('option', { value: o, selected: o === period }, o === 'all' ? t('allTime') : o)),
    );
  }

  function renderAggregates(): void {
    renderPeriodOptions();
    const facts = Array.from(ctx.state.facts.values());
    // "All time": the server's counts are authoritative; a year: counted from the loaded facts.
    const counts = period === 'all' && ctx.state.countries.size > 0 ? new Map(ctx.state.countries) : countByCountry(facts, period);
    map.setCounts(counts);
    const active = Array.from(counts.keys()).filter((c) => (counts.get(c) ?? 0) > 0);
    const rest = map.notShown(active).sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b));
    if (active.length > rest.length) markFirstRender();
    replaceChildren(
      offMap,
      rest.length ? h('li', { class: 'muted' }, t('offMap'), ':') : null,
      rest.map((c) => h('li', { 'data-code': c }, h('a', { href: href.country(c), class: 'chip' }, ctx.i18n.country(c), h('span', { class: 'chip-count' }, String(counts.get(c)))))),
    );

    const ranked =
      period === 'all'
        ? rankedCountries(ctx.state)
        : Array.from(counts, ([code, factCount]) => ({ code, factCount })).sort((a, b) => b.factCount - a.factCount || a.code.localeCompare(b.code));
    const max = ranked[0]?.factCount ?? 0;
    replaceChildren(
      countries,
      ranked.length
        ? ranked.map((c) =>
            h('li', { 'data-code': c.code }, countryLink(ctx, c.code), h('span', { class: 'count' }, String(c.factCount)), simpleBar(c.factCount, max)),
          )
        : emptyNote(ctx),
    );

    const tp = topPairs(facts, 8, period);
    const pmax = tp[0]?.count ?? 0;
    replaceChildren(
      pairs,
      tp.length
        ? tp.map((p) =>
            h(
              'li',
              { 'data-pair': `${p.a}|${p.b}` },
              h('span', { class: 'pair' }, countryLink(ctx, p.a), ' – ', countryLink(ctx, p.b)),
              h('span', { class: 'count' }, String(p.count)),
              typeBar(ctx, p.byType, pmax),
            ),
          )
        : emptyNote(ctx),
    );

    const tt = period === 'all' && ctx.state.topics.size ? rankedTopics(ctx.state).map((x) => ({ id: x.id, count: x.factCount })) : topTopics(facts, 30, period);
    replaceChildren(topics, tt.length ? tt.map((x) => h('li', null, topicLink(ctx, x.id, x.count))) : emptyNote(ctx));
  }

  /** Renders the feed; keeps existing <li> elements (and their open/closed state) when their fact is still shown. */
  function renderFeed(): void {
    const now = ctx.now();
    const facts = feedFacts(ctx.state).slice(0, FEED_SHOWN);
    const existing = new Map<string, HTMLElement>();
    for (const li of Array.from(feed.children) as HTMLElement[]) {
      const id = li.getAttribute('data-fact-id');
      if (id) existing.set(id, li);
    }
    const items = facts.map((f) => {
      const fresh = isFresh(ctx.state, f.id, now);
      const li = existing.get(f.id) ?? factDetails(ctx, f, { fresh });
      li.classList.toggle('new', fresh);
      return li;
    });
    replaceChildren(feed, items.length ? items : h('li', { class: 'muted empty' }, t('noData')));
    omitted.hidden = ctx.state.omittedFacts === 0;
    omitted.textContent = omitted.hidden ? '' : `+${formatCount(ctx.state.omittedFacts, ctx.i18n.lang)} ${t('omittedFacts')}`;
  }

  function renderAll(): void {
    renderCounters();
    renderAggregates();
    renderFeed();
  }

  /** Reads the totals again after facts came or went: at most once a second, the last change always counted. */
  const totalsAc = new AbortController();
  let totalsTimer: ReturnType<typeof setTimeout> | null = null;
  let totalsReadAt = 0;
  function refreshTotals(): void {
    if (totalsTimer !== null) return;
    totalsTimer = setTimeout(() => {
      totalsTimer = null;
      totalsReadAt = Date.now();
      api
        .totals(totalsAc.signal)
        .then((totals) => {
          if (!isTotals(totals)) return;
          ctx.state.totals = totals;
          ctx.state.factTotal = totals.facts; // exact again, whatever live corrections counted since the snapshot
          renderCounters();
        })
        .catch(() => undefined); // the next change or snapshot tries again
    }, Math.max(0, totalsReadAt + 1000 - Date.now()));
  }

  renderAll();
  // Fade highlights out even when no new message arrives.
  const fadeTimer = setInterval(() => {
    if (feed.querySelector('li.new')) renderFeed();
  }, 1000);

  return {
    el,
    title: t('overview'),
    update(ch: Changes) {
      if (ch.newFacts.length || ch.retracted.length) refreshTotals();
      if (ch.snapshot || ch.counts || ch.newFacts.length || ch.retracted.length) {
        renderCounters();
        renderAggregates();
      }
      if (ch.snapshot || ch.newFacts.length || ch.retracted.length) renderFeed();
    },
    dispose() {
      clearInterval(fadeTimer);
      if (totalsTimer !== null) clearTimeout(totalsTimer);
      totalsAc.abort();
    },
  };
}
