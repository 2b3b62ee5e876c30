// Streams page view-model: GET /api/streams (topics with end offsets and rates, consumer groups with lag) → display
// strings. Pure (unit-tested); the page in pages/streams.ts only renders it.
import { formatCount } from './format';
import type { Lang } from './i18n';

export interface StreamTopic {
  name: string;
  schema?: string | null;
  partitions: number;
  endOffsets?: Record<string, number>;
  records: number;
  recordsPerSecond: number | null;
}

export interface PartitionLag {
  topic: string;
  partition: number;
  committed: number;
  end: number;
  lag: number;
}

export interface StreamGroup {
  group: string;
  lag: number;
  partitions: PartitionLag[];
}

export interface StreamsResponse {
  topics: StreamTopic[];
  groups: StreamGroup[];
}

export interface TopicRow {
  name: string;
  /** relative link to the topic's JSON schema, or null when the server gave none (or not an API path). */
  schemaHref: string | null;
  partitions: string;
  records: string;
  rate: string;
}

export interface PartitionRow {
  key: string;
  label: string;
  offsets: string;
  lag: string;
  lagging: boolean;
}

export interface GroupRow {
  group: string;
  lag: string;
  lagging: boolean;
  partitions: PartitionRow[];
}

export interface StreamsView {
  topics: TopicRow[];
  groups: GroupRow[];
}

/**
 * The server gives "/api/schemas/<topic>"; the dashboard calls its API relative to the page (api.ts), so the app also
 * works behind a path prefix. Anything else than an API path is not linked (never a javascript: or foreign URL).
 */
export function schemaHref(schema: string | null | undefined): string | null {
  if (!schema) return null;
  const rel = schema.replace(/^\//, '');
  return /^api\/schemas\/[^/?#]+$/.test(rel) ? rel : null;
}

/** "12.3/s", "0.25/s", "1,234/s"; "—" when the server has no rate yet (null). */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const digits = rate === 0 || rate >= 100 ? 0 : rate >= 1 ? 1 : 2;
  const n = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(rate);
  return `${n}/s`;
}

export function streamsView(res: StreamsResponse, lang: Lang): StreamsView {
  const n = (x: number) => formatCount(x ?? 0, lang);
  const topics = [...(res.topics ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({
      name: t.name,
      schemaHref: schemaHref(t.schema),
      partitions: n(t.partitions),
      records: n(t.records),
      rate: formatRate(t.recordsPerSecond, lang),
    }));
  const groups = [...(res.groups ?? [])]
    .sort((a, b) => b.lag - a.lag || a.group.localeCompare(b.group))
    .map((g) => ({
      group: g.group,
      lag: n(g.lag),
      lagging: g.lag > 0,
      partitions: [...(g.partitions ?? [])]
        .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
        .map((p) => ({
          key: `${p.topic}-${p.partition}`,
          label: `${p.topic}-${p.partition}`,
          offsets: `${n(p.committed)} / ${n(p.end)}`,
          lag: n(p.lag),
          lagging: p.lag > 0,
        })),
    }));
  return { topics, groups };
}
