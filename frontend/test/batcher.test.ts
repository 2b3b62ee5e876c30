import { describe, expect, it } from 'vitest';
import { Batcher, type Timers } from '../src/batcher';
import { backoffDelay, DEFAULT_BACKOFF } from '../src/backoff';

/** Deterministic timers driven by the test. */
function fakeTimers() {
  let now = 0;
  let seq = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    set: (fn, ms) => {
      pending.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clear: (h) => void pending.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = Array.from(pending.entries()).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next || next[1].at > end) break;
      pending.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  };
  return { timers, advance };
}

describe('Batcher', () => {
  it('coalesces a burst of thousands into few flushes (≤ 4 per second)', () => {
    const { timers, advance } = fakeTimers();
    const flushes: number[][] = [];
    const b = new Batcher<number>((xs) => flushes.push(xs), 250, timers);
    for (let i = 0; i < 5000; i++) {
      b.push(i);
      if (i % 100 === 0) advance(10); // 5000 messages over 500 ms
    }
    advance(1000);
    expect(flushes.flat()).toHaveLength(5000);
    expect(flushes.flat()[4999]).toBe(4999);
    expect(flushes.length).toBeLessThanOrEqual(4);
  });

  it('flushes a lone message at once, the next one no sooner than the interval', () => {
    const { timers, advance } = fakeTimers();
    const at: number[] = [];
    const b = new Batcher<string>(() => at.push(timers.now()), 250, timers);
    b.push('a');
    advance(0);
    expect(at).toEqual([0]);
    advance(10);
    b.push('b');
    advance(100);
    expect(at).toEqual([0]);
    advance(200);
    expect(at).toEqual([0, 250]);
  });

  it('flush() empties the queue immediately; dispose() drops it', () => {
    const { timers } = fakeTimers();
    const got: string[][] = [];
    const b = new Batcher<string>((xs) => got.push(xs), 250, timers);
    b.push('x');
    b.flush();
    expect(got).toEqual([['x']]);
    b.push('y');
    b.dispose();
    expect(b.pending).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially to the cap, with bounded jitter', () => {
    const noJitter = { ...DEFAULT_BACKOFF, jitter: 0 };
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, noJitter))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(20, noJitter)).toBe(DEFAULT_BACKOFF.max);
    for (const r of [0, 0.5, 0.999]) {
      const d = backoffDelay(3, DEFAULT_BACKOFF, () => r);
      expect(d).toBeGreaterThanOrEqual(4000 * (1 - DEFAULT_BACKOFF.jitter));
      expect(d).toBeLessThanOrEqual(4000);
    }
  });
});

import { wsUrl } from '../src/socket';
describe('wsUrl', () => {
  it('follows the page protocol and directory', () => {
    expect(wsUrl({ protocol: 'http:', host: 'localhost:8080', pathname: '/' })).toBe('ws://localhost:8080/ws');
    expect(wsUrl({ protocol: 'https:', host: 'x.org', pathname: '/index.html' })).toBe('wss://x.org/ws');
    expect(wsUrl({ protocol: 'https:', host: 'x.org', pathname: '/communique/' })).toBe('wss://x.org/communique/ws');
  });
});
