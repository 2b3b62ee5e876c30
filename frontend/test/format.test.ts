import { describe, expect, it } from 'vitest';
import { counterpartsOf, dateKey, factYear, formatConfidence, formatCount, formatDateRange, oneLine, pairsOf, parseFactDate } from '../src/format';
import { humanise, I18n, initialLang } from '../src/i18n';
import { alpha2Of, NUMERIC_TO_ALPHA2 } from '../src/isocodes';
import { href, parseHash } from '../src/router';

describe('dates', () => {
  it('parses full, month-day and partial dates', () => {
    expect(parseFactDate('2017-07-03')).toEqual({ year: 2017, month: 7, day: 3 });
    expect(parseFactDate('--07-03')).toEqual({ year: null, month: 7, day: 3 });
    expect(parseFactDate('2017-07')).toEqual({ year: 2017, month: 7, day: null });
    expect(parseFactDate(null)).toBeNull();
    expect(parseFactDate('yesterday')).toBeNull();
  });
  it('formats single dates and ranges in both languages', () => {
    expect(formatDateRange('2017-07-03', null, 'en')).toBe('3 Jul 2017');
    expect(formatDateRange('2017-07-03', null, 'zh')).toBe('2017年7月3日');
    expect(formatDateRange('--07-03', null, 'en')).toBe('3 Jul');
    expect(formatDateRange('--07-03', null, 'zh')).toBe('7月3日');
    expect(formatDateRange('2017-07-03', '2017-07-08', 'en')).toBe('3–8 Jul 2017');
    expect(formatDateRange('2017-07-03', '2017-07-08', 'zh')).toBe('2017年7月3日至8日');
    expect(formatDateRange('--07-03', '--07-08', 'en')).toBe('3–8 Jul');
    expect(formatDateRange('2017-06-30', '2017-07-02', 'en')).toBe('30 Jun – 2 Jul 2017');
    expect(formatDateRange('2017-06-30', '2017-07-02', 'zh')).toBe('2017年6月30日至7月2日');
    expect(formatDateRange('2017-12-30', '2018-01-02', 'en')).toBe('30 Dec 2017 – 2 Jan 2018');
    expect(formatDateRange('2017-07-03', '2017-07-03', 'en')).toBe('3 Jul 2017');
    expect(formatDateRange('odd', null, 'en')).toBe('odd');
  });
  it('years and sort keys', () => {
    expect(factYear({ date: '2017-07-03' })).toBe(2017);
    expect(factYear({ date: '--07-03' })).toBeNull();
    expect(dateKey('2017-07-03') > dateKey('2016-12-31')).toBe(true);
    expect(dateKey('--07-03') < dateKey('2016-12-31')).toBe(true);
  });
});

describe('text', () => {
  it('oneLine collapses whitespace and cuts by code point', () => {
    expect(oneLine('a\n\n  b\tc')).toBe('a b c');
    expect(oneLine('习近平主席同普京总统举行会谈', 6)).toBe('习近平主席…');
    expect(oneLine('😀😀😀😀', 3)).toBe('😀😀…');
    expect(oneLine(null)).toBe('');
  });
  it('confidence as percent', () => {
    expect(formatConfidence(0.9)).toBe('90%');
    expect(formatConfidence(undefined)).toBe('');
  });
  it('pairs and counterparts', () => {
    expect(pairsOf({ participants: ['RU', 'CN', 'DE', 'CN'] })).toEqual(['CN|DE', 'CN|RU', 'DE|RU']);
    expect(counterpartsOf({ participants: ['CN', 'RU'] }, 'CN')).toEqual(['RU']);
  });
});

describe('counts', () => {
  it('groups thousands as Intl does for English and Chinese', () => {
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1234567, -4321, 2 ** 40]) {
      expect(formatCount(n, 'en')).toBe(new Intl.NumberFormat('en-US').format(n));
      expect(formatCount(n, 'zh')).toBe(new Intl.NumberFormat('zh-CN').format(n));
    }
    expect(formatCount(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('labels', () => {
  it('server labels first, then organisations, region names (generated from Intl at build time) and the code', () => {
    const zh = new I18n('zh', { countries: { RU: { zh: '俄罗斯', en: 'Russia' } }, topics: { trade: { zh: '贸易', en: 'Trade' } }, types: {} });
    expect(zh.country('RU')).toBe('俄罗斯');
    expect(zh.country('G20')).toBe('二十国集团');
    expect(zh.country('DE')).toBe('德国');
    expect(zh.country('ZZZ')).toBe('ZZZ');
    expect(zh.type('VISIT')).toBe('访问');
    expect(zh.topic('trade')).toBe('贸易');
    expect(zh.topic('belt-and-road')).toBe('Belt and road');
    const en = new I18n('en');
    expect(en.country('DE')).toBe('Germany');
    expect(en.type('PHONE_CALL')).toBe('Phone call');
    expect(en.type('NEW_KIND')).toBe('New kind');
    expect(humanise('')).toBe('');
  });
  it('knows the name of every region Intl knows, in both languages, without asking Intl', () => {
    const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const zh = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' });
    for (const code of ['RU', 'DE', 'KE', 'XK', 'TW', 'SS', 'FR', 'US']) {
      expect(new I18n('en').country(code)).toBe(en.of(code));
      expect(new I18n('zh').country(code)).toBe(zh.of(code));
    }
  });
  it('remembers the choice, else follows the browser', () => {
    expect(initialLang('zh', ['en-US'])).toBe('zh');
    expect(initialLang(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLang('xx', ['de'])).toBe('en');
  });
});

describe('iso codes', () => {
  it('maps world-atlas numeric ids (zero-padded or not) to alpha-2', () => {
    expect(alpha2Of('643')).toBe('RU');
    expect(alpha2Of('276')).toBe('DE');
    expect(alpha2Of('156')).toBe('CN');
    expect(alpha2Of('004')).toBe('AF');
    expect(alpha2Of(4)).toBe('AF');
    expect(alpha2Of(undefined, 'Kosovo')).toBe('XK');
    expect(alpha2Of(undefined, 'Somaliland')).toBeNull();
    const values = Object.values(NUMERIC_TO_ALPHA2);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((v) => /^[A-Z]{2}$/.test(v))).toBe(true);
  });
});

describe('router', () => {
  it('parses every route and round-trips hrefs', () => {
    expect(parseHash('').page).toBe('overview');
    expect(parseHash('#/').page).toBe('overview');
    expect(parseHash('#/?period=2017').query.get('period')).toBe('2017');
    expect(parseHash('#/country/ru')).toMatchObject({ page: 'country', code: 'RU' });
    expect(parseHash(href.topic('belt-and-road'))).toMatchObject({ page: 'topic', id: 'belt-and-road' });
    expect(parseHash(href.document('abc', 'f1'))).toMatchObject({ page: 'document', id: 'abc' });
    expect(parseHash(href.document('abc', 'f1')).query.get('fact')).toBe('f1');
    expect(parseHash('#/network').page).toBe('network');
    expect(parseHash('#/ingest').page).toBe('ingest');
    expect(parseHash('#/country').page).toBe('notfound');
    expect(parseHash('#/nope/x/y').page).toBe('notfound');
    expect(parseHash('#/topic/%E4%B8%80%E5%B8%A6')).toMatchObject({ page: 'topic', id: '一带' });
    expect(parseHash('#/topic/%E4%ZZ')).toMatchObject({ page: 'topic', id: '%E4%ZZ' });
  });
});
