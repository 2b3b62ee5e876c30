import { describe, expect, it } from 'vitest';
import { applyMessages, emptyState, FEED_LIMIT, FRESH_MS, feedFacts, isFresh, mergeFacts, parseMessage, rankedCountries } from '../src/state';
import type { CountryView, Fact } from '../src/types';

function fact(id: string, over: Partial<Fact> = {}): Fact {
  return { id, documentId: 'd1', type: 'VISIT', participants: ['CN', 'RU'], date: '2017-07-03', evidence: { text: 'x', start: 0, end: 1 }, ...over };
}
const view = (code: string, factCount: number): CountryView => ({
  code, factCount, counterparts: [], visitsMade: [], visitsReceived: [], agreements: [], statements: [], topics: [], facts: [],
});

describe('applyMessages', () => {
  it('takes the snapshot as the new truth', () => {
    const s = emptyState();
    const ch = applyMessages(s, [{ type: 'snapshot', countries: [{ code: 'RU', factCount: 3 }, { code: 'CN', factCount: 5 }], topics: [{ id: 'trade', factCount: 2 }], facts: [fact('a'), fact('b')] }], 0);
    expect(ch.snapshot).toBe(true);
    expect(rankedCountries(s).map((c) => c.code)).toEqual(['CN', 'RU']);
    expect(s.topics.get('trade')).toBe(2);
    expect(s.feed).toEqual(['a', 'b']);
    expect(s.fresh.size).toBe(0); // snapshot facts are not "new"
    expect(s.snapshots).toBe(1);
  });

  it('counts every fact the server holds from the snapshot on, not the facts the page loaded', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('a')], factTotal: 300020 }], 0);
    mergeFacts(s, [fact('b')]);
    applyMessages(s, [{ type: 'facts', facts: [fact('c'), fact('b', { date: '2017-07-04' })] }], 1000);
    expect(s.factTotal).toBe(300021); // c is new; b, a correction of a loaded fact, is not
    applyMessages(s, [{ type: 'retraction', id: 'a' }], 2000);
    expect(s.factTotal).toBe(300020);
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [] }], 3000);
    expect(s.factTotal).toBeNull(); // a server that does not say
  });

  it('prepends live facts once, marks them fresh, and expires the mark', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('a')] }], 0);
    const ch = applyMessages(s, [{ type: 'facts', facts: [fact('b'), fact('b')] }, { type: 'facts', facts: [fact('a')] }], 1000);
    expect(ch.newFacts.map((f) => f.id)).toEqual(['b']);
    expect(s.feed).toEqual(['b', 'a']);
    expect(isFresh(s, 'b', 1000 + FRESH_MS)).toBe(true);
    expect(isFresh(s, 'b', 1001 + FRESH_MS)).toBe(false);
    applyMessages(s, [], 2000 + FRESH_MS);
    expect(s.fresh.size).toBe(0);
  });

  it('takes a retracted fact out of the feed and the facts, once', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('a')] }], 0);
    applyMessages(s, [{ type: 'facts', facts: [fact('b')] }], 1000);
    const ch = applyMessages(s, [{ type: 'retraction', id: 'b' }, { type: 'retraction', id: 'b' }, { type: 'retraction', id: 'z' }], 1001);
    expect(ch.retracted).toEqual(['b']);
    expect(s.feed).toEqual(['a']);
    expect(s.facts.has('b')).toBe(false);
    expect(isFresh(s, 'b', 1001)).toBe(false);
  });

  it('caps the feed', () => {
    const s = emptyState();
    const facts = Array.from({ length: FEED_LIMIT + 50 }, (_, i) => fact(`f${i}`));
    applyMessages(s, [{ type: 'facts', facts }], 0);
    expect(s.feed.length).toBe(FEED_LIMIT);
    expect(s.feed[0]).toBe(`f${FEED_LIMIT + 49}`);
    expect(s.facts.size).toBe(FEED_LIMIT + 50);
  });

  it('updates counts and caches views from view messages', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [{ code: 'RU', factCount: 1 }], topics: [], facts: [] }], 0);
    const ch = applyMessages(s, [{ type: 'view', kind: 'country', key: 'RU', view: { ...view('RU', 2), facts: [fact('z')] } }], 0);
    expect(ch.counts).toBe(true);
    expect(ch.countryViews.has('RU')).toBe(true);
    expect(s.countries.get('RU')).toBe(2);
    expect(s.facts.has('z')).toBe(true);
    const again = applyMessages(s, [{ type: 'view', kind: 'country', key: 'RU', view: view('RU', 2) }], 0);
    expect(again.counts).toBe(false);
  });

  it('updates counts from count messages and forgets the stale cached view', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'view', kind: 'country', key: 'RU', view: view('RU', 2) }], 0);
    const ch = applyMessages(s, [{ type: 'counts', counts: [{ kind: 'country', key: 'RU', factCount: 5 }] }], 0);
    expect(ch.counts).toBe(true);
    expect(s.countries.get('RU')).toBe(5);
    expect(s.countryViews.has('RU')).toBe(false);
    expect(applyMessages(s, [{ type: 'counts', counts: [{ kind: 'topic', key: 'trade', factCount: 3 }] }], 0).counts).toBe(true);
    expect(s.topics.get('trade')).toBe(3);
  });

  it('resyncs on a second snapshot: the snapshot replaces feed, facts and cached views', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('a')] }], 0);
    applyMessages(s, [{ type: 'facts', facts: [fact('b')] }, { type: 'view', kind: 'country', key: 'RU', view: view('RU', 9) }], 0);
    applyMessages(s, [{ type: 'snapshot', countries: [{ code: 'RU', factCount: 2 }], topics: [], facts: [fact('c'), fact('a')] }], 0);
    expect(s.feed).toEqual(['c', 'a']);
    expect(s.facts.has('b')).toBe(false);
    expect(s.countryViews.size).toBe(0);
    expect(s.countries.get('RU')).toBe(2);
    expect(s.snapshots).toBe(2);
  });

  it('REST-loaded facts join the aggregates but not the feed', () => {
    const s = emptyState();
    mergeFacts(s, [fact('x'), fact('y', { participants: undefined as never })]);
    expect(s.facts.size).toBe(2);
    expect(s.facts.get('y')!.participants).toEqual([]);
    expect(feedFacts(s)).toEqual([]);
  });
});

describe('parseMessage', () => {
  it('accepts the contract messages', () => {
    expect(parseMessage(JSON.stringify({ type: 'facts', facts: [fact('a'), { nope: 1 }, fact('b')] }))).toEqual({
      type: 'facts', facts: [fact('a'), fact('b')],
    });
    expect(parseMessage(JSON.stringify({ type: 'snapshot' }))).toEqual({ type: 'snapshot', countries: [], topics: [], facts: [] });
    expect(parseMessage(JSON.stringify({ type: 'view', kind: 'topic', key: 'trade', view: { id: 'trade' } }))?.type).toBe('view');
    expect(parseMessage(JSON.stringify({ type: 'counts', counts: [{ kind: 'country', key: 'RU', factCount: 4 }, { kind: 'planet', key: 'x', factCount: 1 }] }))).toEqual({
      type: 'counts', counts: [{ kind: 'country', key: 'RU', factCount: 4 }],
    });
    expect(parseMessage(JSON.stringify({ type: 'retraction', id: 'a' }))).toEqual({ type: 'retraction', id: 'a' });
  });
  it('ignores junk', () => {
    expect(parseMessage('not json')).toBeNull();
    expect(parseMessage('null')).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'facts', facts: [{ nope: 1 }] }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'facts', facts: 'a' }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'view', kind: 'planet', key: 'x', view: {} }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'pong' }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'counts', counts: [{ kind: 'country', key: 'RU', factCount: '4' }] }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'retraction', id: 7 }))).toBeNull();
    expect(parseMessage(new ArrayBuffer(2))).toBeNull();
  });
});
