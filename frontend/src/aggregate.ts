// Aggregations over a list of facts for the overview, the topic page and the network (pure).
import { factYear, pairsOf } from './format';
import type { Fact } from './types';

/** "all", or a year like "2017". */
export type Period = string;

export function inPeriod(f: Fact, period: Period): boolean {
  if (!period || period === 'all') return true;
  return String(factYear(f) ?? '') === period;
}

/** Years present in the facts, newest first. */
export function yearsOf(facts: Iterable<Fact>): number[] {
  const ys = new Set<number>();
  for (const f of facts) {
    const y = factYear(f);
    if (y !== null) ys.add(y);
  }
  return Array.from(ys).sort((a, b) => b - a);
}

export function countByCountry(facts: Iterable<Fact>, period: Period = 'all'): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of facts) {
    if (!inPeriod(f, period)) continue;
    for (const p of new Set(f.participants ?? [])) m.set(p, (m.get(p) ?? 0) + 1);
  }
  return m;
}

export function countByType(facts: Iterable<Fact>, period: Period = 'all'): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of facts) if (inPeriod(f, period)) m.set(f.type, (m.get(f.type) ?? 0) + 1);
  return m;
}

export function countByYear(facts: Iterable<Fact>): { year: number | null; count: number }[] {
  const m = new Map<number | null, number>();
  for (const f of facts) {
    const y = factYear(f);
    m.set(y, (m.get(y) ?? 0) + 1);
  }
  return Array.from(m, ([year, count]) => ({ year, count })).sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
}

export interface PairCount {
  a: string;
  b: string;
  count: number;
  byType: Record<string, number>;
}

export function topPairs(facts: Iterable<Fact>, n = 10, period: Period = 'all'): PairCount[] {
  const m = new Map<string, PairCount>();
  for (const f of facts) {
    if (!inPeriod(f, period)) continue;
    for (const key of pairsOf(f)) {
      const [a, b] = key.split('|');
      let pc = m.get(key);
      if (!pc) m.set(key, (pc = { a, b, count: 0, byType: {} }));
      pc.count++;
      pc.byType[f.type] = (pc.byType[f.type] ?? 0) + 1;
    }
  }
  return Array.from(m.values())
    .sort((x, y) => y.count - x.count || (x.a + x.b).localeCompare(y.a + y.b))
    .slice(0, n);
}

export function topTopics(facts: Iterable<Fact>, n = 10, period: Period = 'all'): { id: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of facts) {
    if (!inPeriod(f, period)) continue;
    for (const t of new Set(f.topics ?? [])) m.set(t, (m.get(t) ?? 0) + 1);
  }
  return Array.from(m, ([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
    .slice(0, n);
}

/** Colour bucket 0..(buckets-1) for a count on a log-ish scale relative to the max; -1 for zero. */
export function bucket(count: number, max: number, buckets: number): number {
  if (!count || count <= 0 || max <= 0) return -1;
  if (max === 1) return buckets - 1;
  const r = Math.log(count) / Math.log(max);
  return Math.min(buckets - 1, Math.max(0, Math.floor(r * (buckets - 1) + 0.5)));
}

// ---- network ----

export interface GraphNode {
  id: string;
  kind: 'country' | 'person';
  weight: number;
}
export interface GraphLink {
  source: string;
  target: string;
  weight: number;
  byType: Record<string, number>;
}
export interface GraphOptions {
  types?: Set<string> | null;
  period?: Period;
  leaders?: boolean;
}

/** Countries as nodes, one link per pair weighted by shared facts; leaders optionally linked to their facts' participants. */
export function buildGraph(facts: Iterable<Fact>, opts: GraphOptions = {}): { nodes: GraphNode[]; links: GraphLink[] } {
  const nodes = new Map<string, GraphNode>();
  const links = new Map<string, GraphLink>();
  const node = (id: string, kind: GraphNode['kind']) => {
    const key = (kind === 'person' ? 'person:' : '') + id;
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = { id: key, kind, weight: 0 }));
    n.weight++;
    return n;
  };
  const link = (a: string, b: string, type: string) => {
    const [s, t] = a < b ? [a, b] : [b, a];
    const key = `${s}|${t}`;
    let l = links.get(key);
    if (!l) links.set(key, (l = { source: s, target: t, weight: 0, byType: {} }));
    l.weight++;
    l.byType[type] = (l.byType[type] ?? 0) + 1;
  };
  for (const f of facts) {
    if (opts.types && !opts.types.has(f.type)) continue;
    if (!inPeriod(f, opts.period ?? 'all')) continue;
    const ps = Array.from(new Set(f.participants ?? [])).sort();
    for (const p of ps) node(p, 'country');
    for (const key of pairsOf({ participants: ps })) {
      const [a, b] = key.split('|');
      link(a, b, f.type);
    }
    if (opts.leaders) {
      for (const person of new Set(f.persons ?? [])) {
        const pn = node(person, 'person');
        for (const p of ps) link(pn.id, p, f.type);
      }
    }
  }
  return {
    nodes: Array.from(nodes.values()).sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id)),
    links: Array.from(links.values()).sort((a, b) => b.weight - a.weight || (a.source + a.target).localeCompare(b.source + b.target)),
  };
}
