// Ingest page: paste or upload a report (optional published date), post it, watch its facts arrive live.
import { ApiError, api } from '../api';
import { emptyNote, factDetails } from '../components';
import type { Ctx, Page } from '../context';
import { h, keepFocus, replaceChildren, reveal } from '../dom';
import { href, type Route } from '../router';
import type { Changes } from '../state';
import type { Fact, IngestResult } from '../types';

const TOKEN_KEY = 'communique.token';

function getToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
function setToken(v: string): void {
  try {
    if (v) localStorage.setItem(TOKEN_KEY, v);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    /* private mode */
  }
}

export function ingestPage(ctx: Ctx, _route: Extract<Route, { page: 'ingest' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const text = h('textarea', { id: 'ingest-text', name: 'text', rows: 14, required: true, spellcheck: 'false', placeholder: '7月3日至8日，国家主席习近平应邀对俄罗斯进行国事访问…' });
  const published = h('input', { id: 'ingest-published', name: 'published', type: 'date' });
  const language = h(
    'select',
    { id: 'ingest-language', name: 'language' },
    h('option', { value: '' }, t('auto')),
    h('option', { value: 'zh' }, '中文 (zh)'),
    h('option', { value: 'en' }, 'English (en)'),
  );
  const file = h('input', { id: 'ingest-file', type: 'file', accept: '.txt,text/plain' });
  const token = h('input', { id: 'ingest-token', type: 'password', autocomplete: 'off', value: getToken() });
  const submit = h('button', { id: 'ingest-submit', type: 'submit', class: 'primary' }, t('submit'));
  const status = h('p', { id: 'ingest-status', role: 'status', class: 'muted' });
  const result = h('div', { id: 'ingest-result', 'aria-live': 'polite' });

  let accepted: IngestResult | null = null;
  let fallbackTimer: ReturnType<typeof setTimeout> | null = null;
  const extra = new Map<string, Fact>();

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    if (!language.value && /[\u4e00-\u9fff]/.test(text.value)) language.value = 'zh';
  });
  token.addEventListener('change', () => setToken(token.value.trim()));
  // Dropping a text file on the text area reads it in.
  text.addEventListener('dragover', (ev) => {
    if (ev.dataTransfer?.types.includes('Files')) ev.preventDefault();
  });
  text.addEventListener('drop', async (ev) => {
    const f = ev.dataTransfer?.files?.[0];
    if (!f) return;
    ev.preventDefault();
    text.value = await f.text();
  });

  const form = h(
    'form',
    { class: 'ingest-form', id: 'ingest-form', novalidate: true },
    h('label', { for: 'ingest-text' }, t('text'), text),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'ingest-file' }, t('upload'), file),
      h('label', { for: 'ingest-published' }, t('published'), published),
      h('label', { for: 'ingest-language' }, t('language'), language),
    ),
    h('label', { for: 'ingest-token' }, t('token'), token),
    h('div', null, submit),
    status,
  );

  function renderResult(): void {
    if (!accepted) return;
    const a = accepted;
    const ids = [...a.facts];
    for (const id of extra.keys()) if (!ids.includes(id)) ids.push(id);
    for (const f of ctx.state.facts.values()) if (f.documentId === a.documentId && !ids.includes(f.id)) ids.push(f.id);
    const open = new Set(Array.from(result.querySelectorAll('details[open]')).map((d) => d.closest('[data-fact-id]')?.getAttribute('data-fact-id')));
    const items = ids.map((id) => {
      const f = ctx.state.facts.get(id) ?? extra.get(id);
      return f ? factDetails(ctx, f, { open: open.has(id) }) : h('li', { class: 'fact-item pending', 'data-fact-id': id, 'data-pending': 'true' }, h('span', { class: 'muted' }, '… ', id));
    });
    replaceChildren(
      result,
      h(
        'section',
        { class: 'card' },
        h('h2', null, t('accepted')),
        h(
          'p',
          null,
          h('a', { href: href.document(a.documentId), id: 'ingest-document-link', 'data-document-id': a.documentId }, t('openDocument'), ' ', h('code', null, a.documentId.slice(0, 12) + '…')),
          ' · ',
          `${ids.length} ${t('facts')}`,
        ),
        h('h3', null, t('factsArriving')),
        h('ul', { id: 'ingest-facts', class: 'facts' }, items.length ? items : h('li', null, emptyNote(ctx))),
      ),
    );
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = text.value;
    if (!body.trim()) {
      status.textContent = t('emptyText');
      status.className = 'error';
      text.focus();
      return;
    }
    setToken(token.value.trim());
    submit.disabled = true;
    submit.textContent = t('submitting');
    status.textContent = '';
    status.className = 'muted';
    try {
      const payload: { text: string; published?: string; language?: string } = { text: body };
      if (published.value) payload.published = published.value;
      if (language.value) payload.language = language.value;
      accepted = await api.ingest(payload, token.value.trim() || undefined);
      extra.clear();
      renderResult();
      reveal(result, 'start');
      // Facts normally arrive over the WebSocket within a second; fetch any still missing after 2 s.
      if (fallbackTimer) clearTimeout(fallbackTimer);
      const a = accepted;
      fallbackTimer = setTimeout(() => {
        if (!a.facts.some((id) => !ctx.state.facts.has(id))) return;
        api
          .facts({ document: a.documentId, limit: 1000 })
          .then((fs) => {
            for (const f of fs) if (f.documentId === a.documentId) extra.set(f.id, f);
            renderResult();
          })
          .catch(() => undefined);
      }, 2000);
    } catch (err) {
      const e = err as ApiError;
      status.className = 'error';
      status.setAttribute('role', 'alert');
      status.textContent = e.status === 401 || e.status === 403 ? `${t('unauthorized')} (${e.status})` : `${t('error')}: ${e.message}`;
      if (e.status === 401 || e.status === 403) token.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = t('submit');
    }
  });

  const el = h(
    'div',
    { class: 'page ingest' },
    h('div', { class: 'page-head' }, h('h1', null, t('ingest'))),
    h('section', { class: 'card' }, form),
    result,
  );

  return {
    el,
    title: t('ingest'),
    update(ch: Changes) {
      if (accepted && (ch.snapshot || ch.newFacts.some((f) => f.documentId === accepted!.documentId))) keepFocus(result, renderResult);
    },
    dispose() {
      if (fallbackTimer) clearTimeout(fallbackTimer);
    },
  };
}
