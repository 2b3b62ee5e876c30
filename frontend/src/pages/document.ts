// Document page: the original report with each fact's evidence highlighted at its offsets, the facts beside it.
import { api } from '../api';
import { cssIdent, emptyNote, errorNote, factDetails, guessLang } from '../components';
import type { Ctx, Page } from '../context';
import { h, keepFocus, replaceChildren, reveal } from '../dom';
import { locateEvidence, segments, type Span } from '../highlight';
import type { Route } from '../router';
import type { Changes } from '../state';
import type { DocumentRecord, Fact } from '../types';

export function documentPage(ctx: Ctx, route: Extract<Route, { page: 'document' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const id = route.id;
  let focusId = route.query.get('fact');
  const ac = new AbortController();
  const body = h('div', null, h('p', { class: 'muted' }, t('loading')));
  const el = h('div', { class: 'page document', 'data-document-id': id }, body);
  let doc: DocumentRecord | null = null;
  let restFacts: Fact[] = [];

  function factsOfDoc(): Fact[] {
    const m = new Map<string, Fact>();
    for (const f of restFacts) if (f.documentId === id) m.set(f.id, f);
    // A live fact came slim (no offsets): the whole one over REST wins; the page reloads them when one arrives.
    for (const f of ctx.state.facts.values()) if (f.documentId === id && !(f.slim && m.has(f.id))) m.set(f.id, f);
    return Array.from(m.values()).sort((a, b) => (a.evidence?.start ?? 0) - (b.evidence?.start ?? 0) || a.id.localeCompare(b.id));
  }

  function focus(factId: string, scroll: boolean): void {
    focusId = factId;
    ctx.replaceQuery({ fact: factId });
    for (const m of Array.from(el.querySelectorAll('mark.focus, .fact-item.focus'))) m.classList.remove('focus');
    const marks = Array.from(el.querySelectorAll<HTMLElement>('mark[data-fact-ids]')).filter((m) => (m.getAttribute('data-fact-ids') ?? '').split(' ').includes(factId));
    marks.forEach((m) => m.classList.add('focus'));
    const item = el.querySelector<HTMLElement>(`#doc-facts [data-fact-id="${CSS.escape(factId)}"]`);
    item?.classList.add('focus');
    const d = item?.querySelector('details');
    if (d) d.open = true;
    if (scroll) {
      reveal(marks[0], 'center');
      reveal(item, 'nearest');
    }
  }

  function render(): void {
    if (!doc) return;
    const text = doc.text ?? '';
    const facts = factsOfDoc();
    const byId = new Map(facts.map((f) => [f.id, f]));
    const spans: Span[] = [];
    let inexact = 0;
    for (const f of facts) {
      const loc = locateEvidence(text, f.evidence);
      if (!loc) continue;
      if (!loc.exact) inexact++;
      spans.push({ id: f.id, start: loc.start, end: loc.end });
    }
    const textEl = h('div', { id: 'doc-text', class: 'doc-text', lang: doc.language ?? guessLang(text) });
    for (const seg of segments(text, spans)) {
      if (seg.ids.length === 0) {
        textEl.append(document.createTextNode(seg.text));
        continue;
      }
      const first = byId.get(seg.ids[0]);
      const mark = h(
        'mark',
        {
          class: first ? `t-${cssIdent(first.type)}` : null,
          'data-fact-ids': seg.ids.join(' '),
          tabindex: 0,
          title: seg.ids.map((x) => ctx.i18n.type(byId.get(x)?.type ?? '')).join(', '),
        },
        seg.text,
      );
      mark.addEventListener('click', () => focus(seg.ids[0], true));
      mark.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          focus(seg.ids[0], true);
        }
      });
      textEl.append(mark);
    }
    const list = h('ul', { id: 'doc-facts-list', class: 'facts' }, facts.length ? facts.map((f) => factDetails(ctx, f, { open: f.id === focusId })) : h('li', null, emptyNote(ctx)));
    // Opening a fact beside the text shows where its evidence is.
    for (const item of Array.from(list.querySelectorAll<HTMLElement>('[data-fact-id]'))) {
      const fid = item.getAttribute('data-fact-id')!;
      const details = item.querySelector('details');
      details?.addEventListener('toggle', () => {
        if (details.open && focusId !== fid) focus(fid, true);
      });
    }
    replaceChildren(
      body,
      h('div', { class: 'page-head' }, h('h1', null, t('document')), h('code', { class: 'sub' }, id.length > 16 ? id.slice(0, 16) + '…' : id)),
      h(
        'div',
        { class: 'doc-grid' },
        h(
          'section',
          { class: 'card', 'aria-labelledby': 'dt-h' },
          h('h2', { id: 'dt-h', class: 'visually-hidden' }, t('text')),
          h(
            'div',
            { class: 'doc-meta' },
            doc.source ? h('span', null, `${t('source')}: `, doc.source) : null,
            doc.published ? h('span', null, `${t('date')}: `, doc.published) : null,
            doc.language ? h('span', null, `${t('language')}: `, doc.language) : null,
            doc.url && /^https?:\/\//i.test(doc.url) ? h('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.url) : null,
            inexact ? h('span', { class: 'warn' }, `${inexact}× ${t('offsetsMismatch')}`) : null,
          ),
          textEl,
        ),
        h('aside', { id: 'doc-facts', class: 'card doc-facts', 'aria-labelledby': 'df-h' }, h('h2', { id: 'df-h' }, t('factsOfDocument'), ' ', h('span', { class: 'muted' }, `(${facts.length})`)), list),
      ),
    );
    if (focusId && byId.has(focusId)) focus(focusId, true);
  }

  const loadFacts = () => api.facts({ document: id, limit: 1000 }, ac.signal).catch(() => [] as Fact[]);
  Promise.all([api.document(id, ac.signal), loadFacts()])
    .then(([d, facts]) => {
      doc = d;
      restFacts = facts.filter((f) => f.documentId === id);
      render();
    })
    .catch((err) => {
      if (!ac.signal.aborted) replaceChildren(body, h('div', { class: 'page-head' }, h('h1', null, t('document'))), errorNote(ctx, err));
    });

  return {
    el,
    title: t('document'),
    update(ch: Changes) {
      if (ch.newFacts.some((f) => f.documentId === id) || ch.snapshot) {
        keepFocus(el, render);
        if (!ch.newFacts.some((f) => f.documentId === id && f.slim)) return;
        // Live facts come slim: their offsets and details come over REST.
        loadFacts().then((facts) => {
          if (ac.signal.aborted) return;
          restFacts = facts.filter((f) => f.documentId === id);
          keepFocus(el, render);
        });
      }
    },
    dispose: () => ac.abort(),
  };
}
