import { describe, expect, it } from 'vitest';
import { layoutTimeline } from '../src/timeline';
import type { Fact } from '../src/types';

const f = (id: string, date: string | null, endDate: string | null = null, type = 'VISIT'): Fact => ({ id, documentId: 'd', type, participants: ['CN', 'RU'], date, endDate });

describe('layoutTimeline', () => {
  it('places dated facts left to right, month ticks for a short span', () => {
    const l = layoutTimeline([f('b', '2017-07-08'), f('a', '2017-07-03'), f('c', '2017-09-01')], 0, 800, 'en');
    expect(l.dots.map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(l.dots[0].x).toBeLessThan(l.dots[1].x);
    expect(l.dots.every((d) => d.x >= 0 && d.x <= 800)).toBe(true);
    expect(l.ticks.map((t) => t.label)).toContain('Aug');
    expect(l.undated).toBe(0);
    expect(l.yearless).toBe(false);
  });
  it('stacks facts on the same day, uses the middle of a range', () => {
    const l = layoutTimeline([f('a', '2017-07-03'), f('b', '2017-07-03', null, 'TALKS'), f('c', '2018-07-01', '2018-07-31')], 0, 800, 'zh');
    expect(l.dots[0].row + l.dots[1].row).toBe(1);
    expect(l.rows).toBe(2);
    expect(l.ticks.some((t) => t.label === '2018' || t.label.endsWith('月'))).toBe(true);
  });
  it('year ticks for long spans; facts without year are counted aside when others have one', () => {
    const l = layoutTimeline([f('a', '2001-01-01'), f('b', '2017-01-01'), f('c', '--07-03'), f('d', null)], 0, 800, 'en');
    expect(l.dots.map((d) => d.id)).toEqual(['a', 'b']);
    expect(l.undated).toBe(2);
    expect(l.ticks.length).toBeGreaterThan(3);
    expect(l.ticks.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
  });
  it('month/day axis when no fact has a year (a report without a published date)', () => {
    const l = layoutTimeline([f('a', '--07-03', '--07-04'), f('b', '--07-08')], 0, 800, 'en');
    expect(l.yearless).toBe(true);
    expect(l.dots).toHaveLength(2);
    expect(layoutTimeline([], 0, 800, 'en').dots).toEqual([]);
  });
});
