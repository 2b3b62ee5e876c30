import { describe, expect, it } from 'vitest';
import { disagreementsOf, inContext, joinOf, reportCountLabel } from '../src/events';
import type { EventView, Fact } from '../src/types';

const zh: Fact = {
  id: 'f1', documentId: 'd1', type: 'TALKS', participants: ['CN', 'FR'], date: '2030-05-06', location: '北京',
  evidence: { text: '5月6日，两国元首在北京举行会谈。', start: 4, end: 21 },
};
const en: Fact = {
  id: 'f2', documentId: 'd2', type: 'MEETING', participants: ['CN', 'FR'], date: '2030-05-07', location: 'Beijing',
  evidence: { text: 'The two presidents met in Beijing.', start: 0, end: 34 },
};
const event: EventView = {
  id: 'e'.repeat(32), type: 'TALKS', participants: ['CN', 'FR'], date: '2030-05-06', location: '北京', reports: [zh, en],
  conflicts: [{ field: 'date', values: ['2030-05-06', '2030-05-07'] }, { field: 'location', values: ['Beijing', '北京'] }, { field: 'type', values: ['MEETING', 'TALKS'] }],
  joins: [{ report: 'f2', with: 'f1', agreed: ['parties', 'type family', 'date ±1 day'] }],
};

describe('events', () => {
  it('a report disagrees where it gives another value than the event on a field the reports conflict on', () => {
    expect(disagreementsOf(event, zh)).toEqual([]);
    expect(disagreementsOf(event, en)).toEqual(['date', 'location', 'type']);
  });

  it('the first report joined nothing; the others say which report they agree with and on what', () => {
    expect(joinOf(event, 'f1')).toBeNull();
    expect(joinOf(event, 'f2')?.agreed).toContain('date ±1 day');
  });

  it('counts reports in both languages', () => {
    expect(reportCountLabel(1, 'en')).toBe('1 report');
    expect(reportCountLabel(2, 'en')).toBe('2 reports');
    expect(reportCountLabel(2, 'zh')).toBe('2 篇报道');
  });

  it('cites the sentence at its offsets with the sentences around it, or alone without the report', () => {
    const text = '新华社电。5月6日，两国元首在北京举行会谈。双方同意加强合作。';
    const at = inContext(text, { text: '5月6日，两国元首在北京举行会谈。', start: 5, end: 22 });
    expect(at).toEqual({ before: '新华社电。', cited: '5月6日，两国元首在北京举行会谈。', after: '双方同意加强合作。', exact: true });
    expect(inContext(null, zh.evidence)).toEqual({ before: '', cited: zh.evidence!.text, after: '', exact: false });
    expect(inContext(text, null)).toBeNull();
  });

  it('finds the sentence by its text when the offsets do not match, and marks the window cut short', () => {
    const text = 'x'.repeat(300) + '. The two presidents met in Beijing. ' + 'y'.repeat(300);
    const at = inContext(text, { text: 'The two presidents met in Beijing.', start: 0, end: 34 }, 20)!;
    expect(at.cited).toBe('The two presidents met in Beijing.');
    expect(at.exact).toBe(false);
    expect(at.before.startsWith('…')).toBe(true);
    expect(at.after.endsWith('…')).toBe(true);
  });
});
