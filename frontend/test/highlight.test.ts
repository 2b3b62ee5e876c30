import { describe, expect, it } from 'vitest';
import { bucket, buildGraph, countByCountry, countByYear, topPairs, topTopics, yearsOf } from '../src/aggregate';
import { locateEvidence, segments } from '../src/highlight';
import type { Fact } from '../src/types';

describe('locateEvidence', () => {
  const text = '7月3日，习近平抵达莫斯科。😀 习近平同普京举行会谈。';
  it('uses the offsets when they match (UTF-16 indices, as in Java)', () => {
    const s = text.indexOf('习近平同普京');
    const ev = { text: '习近平同普京举行会谈。', start: s, end: s + 11 };
    expect(locateEvidence(text, ev)).toEqual({ start: s, end: s + 11, exact: true });
  });
  it('falls back to the nearest occurrence of the text when offsets are off', () => {
    const ev = { text: '习近平', start: 20, end: 23 };
    const got = locateEvidence(text, ev)!;
    expect(got.exact).toBe(false);
    expect(text.slice(got.start, got.end)).toBe('习近平');
    expect(got.start).toBe(text.lastIndexOf('习近平'));
  });
  it('gives null when nothing fits', () => {
    expect(locateEvidence(text, { text: 'absent', start: 999, end: 1000 })).toBeNull();
    expect(locateEvidence(text, null)).toBeNull();
  });
});

describe('segments', () => {
  it('covers the whole text, marking overlaps with both ids', () => {
    const text = 'abcdefghij';
    const segs = segments(text, [
      { id: 'a', start: 2, end: 6 },
      { id: 'b', start: 4, end: 8 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => [s.text, s.ids])).toEqual([
      ['ab', []],
      ['cd', ['a']],
      ['ef', ['a', 'b']],
      ['gh', ['b']],
      ['ij', []],
    ]);
  });
  it('clamps and drops bad spans; keeps markup-like text as plain characters', () => {
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const segs = segments(text, [
      { id: 'x', start: -5, end: 8 },
      { id: 'y', start: 40, end: 10_000 },
      { id: 'z', start: 5, end: 5 },
    ]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs[0]).toMatchObject({ text: '<script>', ids: ['x'] });
    expect(segs[segs.length - 1].ids).toEqual(['y']);
  });
  it('no spans: one plain segment; empty text: nothing', () => {
    expect(segments('abc', [])).toEqual([{ start: 0, end: 3, text: 'abc', ids: [] }]);
    expect(segments('', [])).toEqual([]);
  });
});

const f = (id: string, type: string, participants: string[], date: string | null, extra: Partial<Fact> = {}): Fact => ({
  id, documentId: 'd', type, participants, date, ...extra,
});
const facts = [
  f('1', 'VISIT', ['CN', 'RU'], '2017-07-03', { topics: ['trade'], persons: ['习近平'] }),
  f('2', 'TALKS', ['CN', 'RU'], '2017-07-04', { topics: ['trade', 'energy'], persons: ['习近平', '普京'] }),
  f('3', 'VISIT', ['CN', 'DE'], '2016-07-05'),
  f('4', 'SUMMIT', ['CN', 'DE', 'G20'], '--07-07'),
];

describe('aggregates', () => {
  it('counts per country and period', () => {
    expect(Object.fromEntries(countByCountry(facts))).toEqual({ CN: 4, RU: 2, DE: 2, G20: 1 });
    expect(Object.fromEntries(countByCountry(facts, '2017'))).toEqual({ CN: 2, RU: 2 });
    expect(yearsOf(facts)).toEqual([2017, 2016]);
    expect(countByYear(facts)).toEqual([{ year: 2016, count: 1 }, { year: 2017, count: 2 }, { year: null, count: 1 }]);
  });
  it('ranks pairs and topics', () => {
    const pairs = topPairs(facts, 2);
    expect(pairs[0]).toMatchObject({ a: 'CN', b: 'DE', count: 2, byType: { VISIT: 1, SUMMIT: 1 } });
    expect(pairs[1]).toMatchObject({ a: 'CN', b: 'RU', count: 2 });
    expect(topTopics(facts)).toEqual([{ id: 'trade', count: 2 }, { id: 'energy', count: 1 }]);
  });
  it('buckets on a log scale', () => {
    expect(bucket(0, 10, 5)).toBe(-1);
    expect(bucket(1, 1, 5)).toBe(4);
    expect(bucket(1, 100, 5)).toBe(0);
    expect(bucket(100, 100, 5)).toBe(4);
    expect(bucket(10, 100, 5)).toBe(2);
  });
  it('builds a weighted graph, filtered by type and period, with optional leaders', () => {
    const g = buildGraph(facts);
    expect(g.nodes.map((n) => n.id)).toEqual(['CN', 'DE', 'RU', 'G20']);
    expect(g.links[0]).toMatchObject({ source: 'CN', target: 'DE', weight: 2 });
    const visits = buildGraph(facts, { types: new Set(['VISIT']), period: '2017' });
    expect(visits.links).toEqual([{ source: 'CN', target: 'RU', weight: 1, byType: { VISIT: 1 } }]);
    const leaders = buildGraph(facts, { leaders: true, period: '2017' });
    expect(leaders.nodes.find((n) => n.id === 'person:习近平')).toMatchObject({ kind: 'person', weight: 2 });
    expect(leaders.links.some((l) => l.source === 'CN' && l.target === 'person:习近平')).toBe(true);
  });
});
