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
    expect(s.totals).toBeNull();
  });

  it('keeps the totals of the server from the snapshot, whatever facts the page loaded', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('a')], totals: { facts: 300020, events: 120000, reports: 300000 } }], 0);
    mergeFacts(s, [fact('b'), fact('c')]);
    expect(s.totals?.facts).toBe(300020);
    expect(s.facts.size).toBe(3);
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

describe('live updates', () => {
  const slim = (id: string, title = 't') => ({ id, documentId: 'd1', type: 'TALKS', participants: ['CN', 'EG'], initiator: 'CN', date: '2019-04-25', endDate: null, title, evidence: '习近平同塞西举行会谈…' });

  it('parses an update: slim facts marked slim, their evidence a line without offsets', () => {
    const msg = parseMessage(JSON.stringify({ type: 'update', facts: [slim('a'), { nope: 1 }], retracted: ['z', 3], omitted: { facts: 97, retracted: 0 }, factTotal: 1200 }));
    expect(msg).toEqual({
      type: 'update',
      facts: [{ id: 'a', documentId: 'd1', type: 'TALKS', participants: ['CN', 'EG'], initiator: 'CN', date: '2019-04-25', endDate: null, title: 't', evidence: null, evidenceLine: '习近平同塞西举行会谈…', slim: true }],
      retracted: ['z'],
      omitted: { facts: 97, retracted: 0 },
      factTotal: 1200,
    });
  });

  it('puts the listed facts in the feed, takes the retracted out, and keeps the server\'s total and the omitted count', () => {
    const s = emptyState();
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [fact('old')], factTotal: 1000 }], 0);
    const update = parseMessage(JSON.stringify({ type: 'update', facts: [slim('a'), slim('b')], retracted: ['old'], omitted: { facts: 98, retracted: 0 }, factTotal: 1099 }))!;
    const ch = applyMessages(s, [update], 1000);

    expect(feedFacts(s).map((f) => f.id)).toEqual(['b', 'a']);
    expect(ch.newFacts.map((f) => f.id)).toEqual(['a', 'b']);
    expect(ch.retracted).toEqual(['old']);
    expect(isFresh(s, 'b', 1000)).toBe(true);
    expect(s.factTotal).toBe(1099);
    expect(s.omittedFacts).toBe(98);
    applyMessages(s, [{ type: 'snapshot', countries: [], topics: [], facts: [], factTotal: 1099 }], 2000);
    expect(s.omittedFacts).toBe(0);
  });

  it('a whole fact loaded over REST replaces the slim one', () => {
    const s = emptyState();
    applyMessages(s, [parseMessage(JSON.stringify({ type: 'update', facts: [slim('a')], retracted: [], omitted: { facts: 0, retracted: 0 }, factTotal: 1 }))!], 0);
    expect(s.facts.get('a')!.slim).toBe(true);
    mergeFacts(s, [fact('a')]);
    expect(s.facts.get('a')!.slim).toBeUndefined();
    expect(s.facts.get('a')!.evidence?.start).toBe(0);
  });
});

describe('parseMessage', () => {
  it('accepts the contract messages', () => {
    expect(parseMessage(JSON.stringify({ type: 'facts', facts: [fact('a'), { nope: 1 }, fact('b')] }))).toEqual({
      type: 'facts', facts: [fact('a'), fact('b')],
    });
    expect(parseMessage(JSON.stringify({ type: 'snapshot' }))).toEqual({ type: 'snapshot', countries: [], topics: [], facts: [], totals: null });
    expect(parseMessage(JSON.stringify({ type: 'snapshot', totals: { facts: 300020, events: 120000, reports: 300020 } }))).toMatchObject({ totals: { facts: 300020, events: 120000 } });
    expect(parseMessage(JSON.stringify({ type: 'snapshot', totals: { facts: 'many' } }))).toMatchObject({ totals: null });
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
