// A list of events (country and topic pages): each occasion once, with the number of reports beside it.
import { api } from './api';
import { countryLink, dateText, emptyNote, errorNote, typeBadge } from './components';
import type { Ctx } from './context';
import { h, replaceChildren } from './dom';
import { reportCountLabel } from './events';
import { formatCount } from './format';
import { href } from './router';
import type { EventTally, EventView } from './types';

/** One event as a line: type, parties, date, place or title, and how many reports tell of it; links to its page. */
export function eventItem(ctx: Ctx, e: EventView): HTMLElement {
  const reports = e.reports?.length ?? 0;
  const parties = (e.participants ?? []).flatMap((p, i) => (i ? [' · ', countryLink(ctx, p)] : [countryLink(ctx, p)]));
  return h(
    'li',
    { class: 'event-item', 'data-event-id': e.id, 'data-type': e.type ?? null },
    h(
      'div',
      { class: 'fact-head' },
      typeBadge(ctx, e.type ?? ''),
      h('span', { class: 'fact-parties' }, parties),
      h('time', { class: 'fact-date', datetime: e.date && /^\d{4}/.test(e.date) ? e.date : null }, dateText(ctx, e)),
      h('span', { class: 'report-count', 'data-reports': String(reports) }, reportCountLabel(reports, ctx.i18n.lang)),
    ),
    h(
      'a',
      { class: 'event-link', href: href.event(e.id) },
      e.title ? `《${e.title.replace(/^《|》$/g, '')}》` : e.location ?? ctx.i18n.type(e.type ?? ''),
      (e.conflicts ?? []).length ? h('span', { class: 'conflict-flag', title: ctx.i18n.t('disagreements') }, ' ≠') : null,
      ' →',
    ),
  );
}

/** "All events (12)" or "Latest events (100 / 3,000)", the total from the server's totals. */
export function eventsHeading(ctx: Ctx, shown: number, tally: EventTally | null): (HTMLElement | string)[] {
  const total = tally?.events;
  const all = typeof total !== 'number' || total <= shown;
  const n = (x: number) => formatCount(x, ctx.i18n.lang);
  return [ctx.i18n.t(all ? 'allEvents' : 'latestEvents'), ' ', h('span', { class: 'muted' }, `(${all ? n(shown) : `${n(shown)} / ${n(total)}`})`)];
}

/** The list itself: {@code #events}, each item {@code li[data-event-id]}. */
export function eventList(ctx: Ctx, events: EventView[] | null): HTMLElement {
  if (events === null) return h('ul', { id: 'events', class: 'facts events' }, h('li', { class: 'muted' }, ctx.i18n.t('loading')));
  return h('ul', { id: 'events', class: 'facts events' }, events.length ? events.map((e) => eventItem(ctx, e)) : h('li', null, emptyNote(ctx)));
}

/**
 * The events card of a country or topic page, {@code #events-card}: its events, most recent first, each with its
 * number of reports, headed by the total from the server. {@code refresh} reads both again (at most once a second);
 * {@code tally} is the latest total, for the page's counters.
 */
export function eventsCard(
  ctx: Ctx,
  q: { country: string } | { topic: string },
  signal: AbortSignal,
  onTally: (tally: EventTally) => void,
): { el: HTMLElement; refresh(): void } {
  const heading = h('h2', { id: 'events-h' }, eventsHeading(ctx, 0, null));
  const el = h('section', { class: 'card', id: 'events-card', 'aria-labelledby': 'events-h' }, heading, eventList(ctx, null));
  let pending: ReturnType<typeof setTimeout> | null = null;
  let last = 0;

  function load(): void {
    last = Date.now();
    Promise.all([api.events({ ...q, limit: LISTED }, signal), api.tally(q, signal)])
      .then(([events, tally]) => {
        replaceChildren(heading, eventsHeading(ctx, events.length, tally));
        el.querySelector('#events')?.replaceWith(eventList(ctx, events));
        onTally(tally);
      })
      .catch((err) => {
        if (!signal.aborted) el.querySelector('#events')?.replaceWith(h('ul', { id: 'events', class: 'facts events' }, h('li', null, errorNote(ctx, err))));
      });
  }

  return {
    el,
    refresh() {
      if (pending !== null || signal.aborted) return;
      pending = setTimeout(() => {
        pending = null;
        if (!signal.aborted) load();
      }, Math.max(0, last + 1000 - Date.now()));
    },
  };
}

/** How many events a country or topic page lists. */
const LISTED = 100;
