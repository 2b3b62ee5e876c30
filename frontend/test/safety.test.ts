import { describe, expect, it } from 'vitest';
import indexHtml from '../index.html?raw';

// Every source file, as text (Vite's glob import: no Node APIs needed).
const sources = import.meta.glob('../src/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('safety: document-derived text is never parsed as HTML', () => {
  it('sees the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });
  it('no innerHTML / outerHTML / insertAdjacentHTML / document.write / eval in src/', () => {
    const bad = /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment|DOMParser/;
    const hits = Object.entries(sources).filter(([, text]) => bad.test(text)).map(([p]) => p);
    expect(hits).toEqual([]);
  });
  it('index.html has no inline script, inline handler or inline style (strict CSP)', () => {
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(indexHtml).not.toMatch(/\son[a-z]+\s*=/i);
    expect(indexHtml).not.toMatch(/<style|\sstyle\s*=/i);
    expect(indexHtml).not.toMatch(/https?:\/\//);
  });
  it('nothing is loaded from another host', () => {
    const remote = /(['"`])(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i;
    const hits = Object.entries(sources)
      .filter(([, text]) => remote.test(text.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')))
      .map(([p]) => p);
    expect(hits).toEqual([]);
  });
});
