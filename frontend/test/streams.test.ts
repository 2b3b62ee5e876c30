import { describe, expect, it } from 'vitest';
import { formatRate, schemaHref, streamsView, type StreamsResponse } from '../src/streams';

const res: StreamsResponse = {
  topics: [
    { name: 'facts', schema: '/api/schemas/facts', partitions: 3, endOffsets: { '0': 1200, '1': 34, '2': 0 }, records: 1234, recordsPerSecond: 12.345 },
    { name: 'documents', schema: '/api/schemas/documents', partitions: 1, endOffsets: { '0': 5 }, records: 5, recordsPerSecond: null },
  ],
  groups: [
    { group: 'projection', lag: 0, partitions: [{ topic: 'facts', partition: 0, committed: 1200, end: 1200, lag: 0 }] },
    {
      group: 'indexer',
      lag: 1502,
      partitions: [
        { topic: 'facts', partition: 1, committed: 0, end: 34, lag: 34 },
        { topic: 'facts', partition: 0, committed: 0, end: 1468, lag: 1468 },
      ],
    },
  ],
};

describe('streams view-model', () => {
  it('lists topics by name with schema link, partitions, records and rate', () => {
    const v = streamsView(res, 'en');
    expect(v.topics).toEqual([
      { name: 'documents', schemaHref: 'api/schemas/documents', partitions: '1', records: '5', rate: '—' },
      { name: 'facts', schemaHref: 'api/schemas/facts', partitions: '3', records: '1,234', rate: '12.3/s' },
    ]);
  });

  it('lists the most lagging group first, its partitions in order', () => {
    const v = streamsView(res, 'en');
    expect(v.groups.map((g) => [g.group, g.lag, g.lagging])).toEqual([
      ['indexer', '1,502', true],
      ['projection', '0', false],
    ]);
    expect(v.groups[0].partitions).toEqual([
      { key: 'facts-0', label: 'facts-0', offsets: '0 / 1,468', lag: '1,468', lagging: true },
      { key: 'facts-1', label: 'facts-1', offsets: '0 / 34', lag: '34', lagging: true },
    ]);
  });

  it('formats rates with fewer digits as they grow, and none without a rate', () => {
    expect(formatRate(0, 'en')).toBe('0/s');
    expect(formatRate(0.123, 'en')).toBe('0.12/s');
    expect(formatRate(3.04, 'en')).toBe('3/s');
    expect(formatRate(1234.5, 'en')).toBe('1,235/s');
    expect(formatRate(null, 'en')).toBe('—');
    expect(formatRate(Number.NaN, 'zh')).toBe('—');
  });

  it('links only API schema paths, relative to the page', () => {
    expect(schemaHref('/api/schemas/facts.dlq')).toBe('api/schemas/facts.dlq');
    expect(schemaHref('javascript:alert(1)')).toBeNull();
    expect(schemaHref('https://evil.example/x')).toBeNull();
    expect(schemaHref(null)).toBeNull();
  });

  it('copes with an empty cluster', () => {
    expect(streamsView({ topics: [], groups: [] }, 'zh')).toEqual({ topics: [], groups: [] });
  });
});
