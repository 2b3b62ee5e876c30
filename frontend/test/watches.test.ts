import { describe, expect, it } from 'vitest';
import { href, parseHash } from '../src/router';
import { criteria, problemText, splitList, watchBody, type WatchForm } from '../src/watches';

const empty: WatchForm = { name: '', countries: '', pairA: '', pairB: '', types: [], topics: '', persons: '', webhook: '' };

describe('watches', () => {
  it('sends only the criteria given, codes upper-cased, lists split and without repeats', () => {
    expect(watchBody({ ...empty, countries: ' mn, ru  RU、de ' })).toEqual({ countries: ['MN', 'RU', 'DE'] });
    expect(watchBody(empty)).toEqual({});
    expect(
      watchBody({
        name: '  Mongolia ',
        countries: '',
        pairA: 'cn',
        pairB: ' ru',
        types: ['SUMMIT', 'TALKS', 'NOT_A_TYPE'],
        topics: 'Trade belt-and-road,trade',
        persons: 'Xi Jinping, 普京、 ',
        webhook: ' https://hooks.example/x ',
      }),
    ).toEqual({
      name: 'Mongolia',
      pair: ['CN', 'RU'],
      types: ['TALKS', 'SUMMIT'],
      topics: ['trade', 'belt-and-road'],
      persons: ['Xi Jinping', '普京'],
      webhook: { url: 'https://hooks.example/x' },
    });
  });

  it('passes half a pair on, for the server to say what is wrong with it', () => {
    expect(watchBody({ ...empty, pairB: 'ru' })).toEqual({ pair: ['RU'] });
  });

  it('splits lists on the separators given', () => {
    expect(splitList('a, b;c', /[,;]/)).toEqual(['a', 'b', 'c']);
    expect(splitList('  ', /,/)).toEqual([]);
  });

  it('lists a watch’s criteria in order, leaving out the empty ones', () => {
    expect(criteria({ countries: ['MN'], pair: [], types: ['TALKS'], topics: [], persons: ['Xi'] })).toEqual([
      ['countries', ['MN']],
      ['types', ['TALKS']],
      ['persons', ['Xi']],
    ]);
  });

  it('shows a problem with its status, title and detail', () => {
    expect(problemText(401, { title: 'Unauthorized', detail: 'the API token is not valid' })).toBe('401 Unauthorized: the API token is not valid');
    expect(problemText(400, { detail: 'pair must name two different countries' })).toBe('HTTP 400: pair must name two different countries');
    expect(problemText(503, null)).toBe('HTTP 503');
  });

  it('has a route', () => {
    expect(parseHash(href.watches())).toMatchObject({ page: 'watches' });
    expect(parseHash('#/watches/x').page).toBe('notfound');
  });
});
