import { describe, expect, it } from 'vitest';
import {
  addDays,
  applyReplay,
  clampSpeed,
  daysBetween,
  emptyLapse,
  factsSpan,
  LATEST_SHOWN,
  parseReplayMessage,
  replayUrl,
  serverCloseReason,
  type ReplayMessage,
} from '../src/timelapse';
import type { Fact } from '../src/types';

const fact = (id: string, participants: string[], date = '2017-07-03'): Fact => ({ id, documentId: 'd', type: 'VISIT', participants, date });
const clock = (date: string, over: Partial<Extract<ReplayMessage, { type: 'replay-clock' }>> = {}): ReplayMessage => ({
  type: 'replay-clock',
  date,
  from: '2017-01-01',
  to: '2017-12-31',
  speed: 30,
  playing: true,
  shown: 0,
  total: 40,
  ...over,
});

describe('time-lapse reducer', () => {
  it('takes date, period, speed, playing and counts from a clock message', () => {
    const s = applyReplay(emptyLapse(), [clock('2017-03-04', { speed: 500, shown: 7 })]);
    expect(s).toMatchObject({ date: '2017-03-04', from: '2017-01-01', to: '2017-12-31', speed: 500, playing: true, shown: 7, total: 40 });
  });

  it('lights up every participant of each replayed fact and lists the latest first', () => {
    const s = applyReplay(emptyLapse(), [fact('a', ['CN', 'RU']), fact('b', ['CN', 'FR']), fact('c', ['CN', 'CN'])].map((f) => ({ type: 'replay-fact', fact: f }) as const));
    expect(Object.fromEntries(s.counts)).toEqual({ CN: 3, RU: 1, FR: 1 });
    expect(s.latest.map((f) => f.id)).toEqual(['c', 'b', 'a']);
    expect(s.shown).toBe(3);
  });

  it('keeps only the latest facts, across batches', () => {
    let s = emptyLapse();
    for (let i = 0; i < 30; i++) s = applyReplay(s, [{ type: 'replay-fact', fact: fact(`f${i}`, ['CN']) }]);
    expect(s.latest).toHaveLength(LATEST_SHOWN);
    expect(s.latest[0].id).toBe('f29');
    expect(s.counts.get('CN')).toBe(30);
  });

  it('a reset clears what the lapse has shown, including facts earlier in the same batch', () => {
    const s = applyReplay(emptyLapse(), [
      { type: 'replay-fact', fact: fact('a', ['CN', 'RU']) },
      { type: 'replay-reset' },
      clock('2017-06-01', { shown: 0 }),
      { type: 'replay-fact', fact: fact('b', ['FR', 'DE']) },
    ]);
    expect(Object.fromEntries(s.counts)).toEqual({ FR: 1, DE: 1 });
    expect(s.latest.map((f) => f.id)).toEqual(['b']);
    expect(s.shown).toBe(1);
    expect(s.date).toBe('2017-06-01');
  });

  it('the end stops playing and a later play clears it', () => {
    const ended = applyReplay(emptyLapse(), [clock('2017-12-31'), { type: 'replay-end' }]);
    expect(ended).toMatchObject({ ended: true, playing: false });
    expect(applyReplay(ended, [clock('2017-01-01', { playing: true })]).ended).toBe(false);
  });

  it('an error keeps its detail', () => {
    expect(applyReplay(emptyLapse(), [{ type: 'replay-error', detail: 'Kafka unavailable' }]).error).toBe('Kafka unavailable');
  });

  it('does not modify the state it is given', () => {
    const before = emptyLapse();
    applyReplay(before, [{ type: 'replay-fact', fact: fact('a', ['CN']) }, clock('2017-02-02')]);
    expect(before).toEqual(emptyLapse());
  });
});

describe('replay messages and URL', () => {
  it('parses the known messages and rejects anything else', () => {
    expect(parseReplayMessage(JSON.stringify(clock('2017-01-02')))).toMatchObject({ type: 'replay-clock', date: '2017-01-02' });
    expect(parseReplayMessage('{"type":"replay-fact","fact":{"id":"x","participants":["CN"]}}')).toMatchObject({ type: 'replay-fact' });
    expect(parseReplayMessage('{"type":"replay-reset"}')).toEqual({ type: 'replay-reset' });
    expect(parseReplayMessage('{"type":"replay-end"}')).toEqual({ type: 'replay-end' });
    expect(parseReplayMessage('{"type":"replay-error","detail":"bad"}')).toEqual({ type: 'replay-error', detail: 'bad' });
    expect(parseReplayMessage('{"type":"replay-fact","fact":{"id":"x"}}')).toBeNull();
    expect(parseReplayMessage('{"type":"snapshot"}')).toBeNull();
    expect(parseReplayMessage('not json')).toBeNull();
    expect(parseReplayMessage(new ArrayBuffer(2))).toBeNull();
  });

  it('opens /ws/replay beside the page, with the period and a clamped speed', () => {
    expect(replayUrl({ protocol: 'https:', host: 'x.org', pathname: '/app/index.html' }, { from: '2017-01-01', to: '2017-12-31', speed: 5000 })).toBe(
      'wss://x.org/app/ws/replay?from=2017-01-01&to=2017-12-31&speed=1000',
    );
    expect(replayUrl({ protocol: 'http:', host: '127.0.0.1:8080', pathname: '/' }, { from: '2017-01-01', to: '2017-01-02', speed: 0 })).toBe(
      'ws://127.0.0.1:8080/ws/replay?from=2017-01-01&to=2017-01-02&speed=1',
    );
    expect(clampSpeed(Number.NaN)).toBe(1);
    expect(clampSpeed(12.6)).toBe(13);
  });

  it('defaults the period to the span of the known dated facts', () => {
    expect(factsSpan([{ date: '2017-07-03' }, { date: '2015-03', endDate: null }, { date: '2018-01-02', endDate: '2018-01-05' }, { date: '--07-01' }, { date: null }])).toEqual({
      from: '2015-03-01',
      to: '2018-01-05',
    });
    expect(factsSpan([{ date: null }])).toBeNull();
  });

  it('maps slider positions to days and back', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(addDays('2016-02-28', 2)).toBe('2016-03-01');
    expect(addDays('2017-01-01', daysBetween('2017-01-01', '2017-12-31'))).toBe('2017-12-31');
  });
});

describe('time-lapse closed by the server', () => {
  it('gives the reason of a 1008 close, as the server said it', () => {
    const said = 'more than 4 facts in the period: choose a shorter one (REPLAY_MAX_FACTS)';
    expect(serverCloseReason(1008, said)).toBe(said);
    expect(serverCloseReason(1013, ' too slow ')).toBe('too slow');
  });

  it('gives none for a normal close, or a close without a reason', () => {
    expect(serverCloseReason(1000, 'bye')).toBeNull();
    expect(serverCloseReason(1006, '')).toBeNull();
    expect(serverCloseReason(1008, '  ')).toBeNull();
  });
});
