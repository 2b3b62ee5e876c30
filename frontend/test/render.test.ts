// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { Batcher } from '../src/batcher';
import { countryLink, factDetails, factsHeading } from '../src/components';
import type { Ctx } from '../src/context';
import { h, keepFocus, replaceChildren } from '../src/dom';
import { I18n } from '../src/i18n';
import { emptyState } from '../src/state';
import type { Fact } from '../src/types';

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

function ctx(): Ctx {
  return {
    state: emptyState(),
    i18n: new I18n('en', { countries: { XX: { en: HOSTILE, zh: HOSTILE } }, topics: { evil: { en: HOSTILE } }, types: {} }),
    now: () => 0,
    navigate: () => undefined,
    replaceQuery: () => undefined,
    batcher: new Batcher(() => undefined),
    factsLoaded: true,
  };
}

const fact: Fact = {
  id: 'f<1>',
  documentId: 'd"1',
  source: HOSTILE,
  type: 'VISIT',
  participants: ['CN', 'XX'],
  initiator: 'CN',
  persons: [HOSTILE],
  date: '2017-07-03',
  endDate: null,
  location: HOSTILE,
  title: HOSTILE,
  topics: ['evil'],
  confidence: 0.9,
  evidence: { text: `He said ${HOSTILE}.`, start: 0, end: 10 },
  extractor: { name: 'x', version: '1' },
};

describe('rendering document-derived text', () => {
  beforeEach(() => {
    document.body.replaceChildren();
    (window as unknown as { __pwned?: number }).__pwned = 0;
  });

  it('shows markup as characters and creates no elements from it', () => {
    const el = factDetails(ctx(), fact, { open: true });
    document.body.append(el);
    expect(document.querySelectorAll('script, img').length).toBe(0);
    expect(el.querySelector('.evidence')!.textContent).toBe(`He said ${HOSTILE}.`);
    expect(el.textContent).toContain('<img src=x onerror=');
    expect(el.getAttribute('data-fact-id')).toBe('f<1>');
    expect(el.querySelector('a.doc-link')!.getAttribute('href')).toBe('#/document/d%221?fact=f%3C1%3E');
    expect((window as unknown as { __pwned?: number }).__pwned).toBe(0);
  });

  it('labels from the server are text too', () => {
    const a = countryLink(ctx(), 'XX');
    expect(a.querySelectorAll('*').length).toBe(1); // only the code badge
    expect(a.textContent).toContain('<script>');
  });

  it('h() never turns strings into markup, attributes are set verbatim', () => {
    const el = h('div', { title: '"><script>x</script>' }, HOSTILE, 42, null, ['a', 'b']);
    expect(el.children.length).toBe(0);
    expect(el.textContent).toBe(`${HOSTILE}42ab`);
    expect(el.getAttribute('title')).toBe('"><script>x</script>');
  });
});

describe('keepFocus', () => {
  it('puts focus back on the same fact after a re-render', () => {
    const root = h('div');
    document.body.append(root);
    const draw = () => replaceChildren(root, h('ul', { id: 'facts' }, ['a', 'b'].map((id) => h('li', { 'data-fact-id': id }, h('button', null, id)))));
    draw();
    (root.querySelector('[data-fact-id="b"] button') as HTMLElement).focus();
    const before = document.activeElement;
    keepFocus(root, draw);
    expect(document.activeElement).not.toBe(before);
    expect(document.activeElement?.textContent).toBe('b');
  });
});

describe('facts heading', () => {
  it('says "all" when a view carries every fact, "latest" with the total when it carries only the most recent', () => {
    const text = (shown: number, total?: number | null) => h('h2', null, factsHeading(ctx(), shown, total)).textContent;
    expect(text(12, 12)).toBe('All facts (12)');
    expect(text(12, undefined)).toBe('All facts (12)');
    expect(text(50, 3000)).toBe('Latest facts (50 / 3,000)');
  });
});
