// Streams: Kafka topics (partitions, records, rate, schema) and consumer groups with their lag, from GET /api/streams,
// refreshed every 5 s while the page is open.
import { getJson } from '../api';
import { errorNote, section } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import { streamsView, type StreamsResponse } from '../streams';

const REFRESH_MS = 5000;

export function streamsPage(ctx: Ctx): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const status = h('p', { id: 'streams-status', class: 'muted', role: 'status' }, t('loading'));
  const topics = h('ul', { id: 'streams-topics', class: 'streams-list' });
  const groups = h('ul', { id: 'streams-groups', class: 'streams-list' });
  const el = h(
    'div',
    { class: 'page streams' },
    h('h1', null, t('streams')),
    status,
    h('div', { class: 'grid-2' }, section(t('topics'), 'streams-topics-card', topics), section(t('consumerGroups'), 'streams-groups-card', groups)),
  );

  function render(res: StreamsResponse): void {
    const v = streamsView(res, ctx.i18n.lang);
    replaceChildren(
      topics,
      v.topics.map((tp) =>
        h(
          'li',
          { 'data-topic': tp.name },
          h('code', { class: 'stream-name' }, tp.name),
          ' ',
          tp.schemaHref ? h('a', { href: tp.schemaHref, class: 'stream-schema' }, t('schema')) : null,
          h(
            'span',
            { class: 'stream-figures muted' },
            `${tp.partitions} ${t('partitions')} · ${tp.records} ${t('records')} · `,
            h('span', { class: 'stream-rate', 'data-rate': tp.rate }, tp.rate),
          ),
        ),
      ),
    );
    replaceChildren(
      groups,
      v.groups.map((g) =>
        h(
          'li',
          { 'data-group': g.group, class: g.lagging ? 'lagging' : null },
          h('code', { class: 'stream-name' }, g.group),
          ' ',
          h('span', { class: 'group-lag' }, `${t('lag')} ${g.lag}`),
          h(
            'ul',
            { class: 'partition-lags' },
            g.partitions.map((p) =>
              h('li', { 'data-partition': p.key, class: p.lagging ? 'lagging' : null }, h('code', null, p.label), ` ${p.offsets} · ${t('lag')} ${p.lag}`),
            ),
          ),
        ),
      ),
    );
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let aborter: AbortController | null = null;
  let disposed = false;

  /** One request at a time: the next starts 5 s after the previous answered. */
  async function refresh(): Promise<void> {
    aborter = new AbortController();
    try {
      render(await getJson<StreamsResponse>('api/streams', aborter.signal));
      replaceChildren(status, t('refreshEvery'));
      status.className = 'muted';
    } catch (err) {
      if (disposed) return;
      // A 503 problem+json (Kafka unreachable) shows its detail; the last good figures stay.
      replaceChildren(status, errorNote(ctx, err));
      status.className = '';
    }
    if (!disposed) timer = setTimeout(() => void refresh(), REFRESH_MS);
  }
  void refresh();

  return {
    el,
    title: t('streams'),
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      aborter?.abort();
    },
  };
}
