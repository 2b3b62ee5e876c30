// Watches page: the watches (GET /api/watches), a form to create one and a delete button for each; writes need the
// API token, kept in sessionStorage only (this tab, until it closes), never in localStorage or the URL.
import { ApiError, api } from '../api';
import { countryLink, errorNote, section, topicLink, typeBadge } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import type { UiKey } from '../i18n';
import type { Watch } from '../types';
import { criteria, FACT_TYPES, problemText, watchBody } from '../watches';

const TOKEN_KEY = 'communique.session-token';

function getToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}
function setToken(v: string): void {
  try {
    if (v) sessionStorage.setItem(TOKEN_KEY, v);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* storage disabled */
  }
}

const FIELD_LABEL: Record<string, UiKey> = { countries: 'countries', pair: 'pair', types: 'types', topics: 'topics', persons: 'persons' };

export function watchesPage(ctx: Ctx): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const input = (id: string, attrs: Record<string, string> = {}) => h('input', { id, name: id.replace(/^watch-/, ''), type: 'text', autocomplete: 'off', ...attrs });
  const name = input('watch-name', { maxlength: '200' });
  const countries = input('watch-countries', { placeholder: 'RU, DE' });
  const pairA = input('watch-pair-a', { placeholder: 'CN', size: '8', 'aria-label': `${t('watchPair')} 1` });
  const pairB = input('watch-pair-b', { placeholder: 'RU', size: '8', 'aria-label': `${t('watchPair')} 2` });
  const types = FACT_TYPES.map((type) => h('input', { type: 'checkbox', name: 'types', value: type, id: `watch-type-${type}` }));
  const topics = input('watch-topics', { placeholder: 'trade, belt-and-road' });
  const persons = input('watch-persons', { placeholder: '习近平, Putin' });
  const webhook = input('watch-webhook', { type: 'url', placeholder: 'https://…' });
  const token = h('input', { id: 'watch-token', name: 'token', type: 'password', autocomplete: 'off', value: getToken() });
  const submit = h('button', { id: 'watch-submit', type: 'submit', class: 'primary' }, t('create'));
  const status = h('p', { id: 'watch-status', role: 'status', class: 'muted' });
  const list = h('div', { id: 'watches' }, h('p', { class: 'muted' }, t('loading')));
  let disposed = false;

  token.addEventListener('change', () => setToken(token.value.trim()));

  function say(text: string, error = false, extra: Node | null = null): void {
    status.className = error ? 'error' : 'muted';
    status.setAttribute('role', error ? 'alert' : 'status');
    replaceChildren(status, text, extra);
  }

  function fail(err: unknown): void {
    if (err instanceof ApiError) {
      const auth = err.status === 401 || err.status === 403;
      say(`${auth ? t('unauthorized') : t('error')} — ${problemText(err.status, err.problem)}`, true);
      if (auth) token.focus();
    } else {
      say(`${t('error')}: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }

  function item(w: Watch): HTMLElement {
    const dl = h('dl', { class: 'fact-attrs watch-criteria' });
    for (const [field, items] of criteria(w)) {
      const value =
        field === 'countries'
          ? items.flatMap((c, i) => (i ? [', ', countryLink(ctx, c)] : [countryLink(ctx, c)]))
          : field === 'pair'
            ? items.flatMap((c, i) => (i ? [' – ', countryLink(ctx, c)] : [countryLink(ctx, c)]))
            : field === 'types'
              ? items.map((x) => typeBadge(ctx, x))
              : field === 'topics'
                ? items.map((x) => topicLink(ctx, x))
                : items.join('、');
      dl.append(h('dt', null, t(FIELD_LABEL[field] ?? 'type')), h('dd', { 'data-field': field }, value));
    }
    if (w.webhook?.url) dl.append(h('dt', null, t('webhook')), h('dd', { 'data-field': 'webhook' }, h('code', null, w.webhook.url)));
    const created = new Date(w.createdAt);
    dl.append(
      h('dt', null, t('created')),
      h('dd', { 'data-field': 'createdAt' }, h('time', { datetime: w.createdAt }, isNaN(created.getTime()) ? w.createdAt : created.toLocaleString(ctx.i18n.lang === 'zh' ? 'zh-CN' : 'en-GB'))),
    );
    const del = h('button', { type: 'button', class: 'tool watch-delete', 'data-watch-id': w.id, 'aria-label': `${t('delete')}: ${w.name}` }, t('delete'));
    del.addEventListener('click', () => void remove(w, del));
    return h('li', { class: 'watch card', 'data-watch-id': w.id }, h('div', { class: 'watch-head' }, h('strong', { class: 'watch-name' }, w.name), del), dl);
  }

  async function load(): Promise<void> {
    try {
      const watches = await api.watches();
      if (disposed) return;
      replaceChildren(list, watches.length ? h('ul', { id: 'watches-list', class: 'watch-list' }, watches.map(item)) : h('p', { class: 'muted empty', id: 'watches-empty' }, t('noWatches')));
    } catch (err) {
      if (!disposed) replaceChildren(list, errorNote(ctx, err));
    }
  }

  async function remove(w: Watch, button: HTMLButtonElement): Promise<void> {
    setToken(token.value.trim());
    button.disabled = true;
    try {
      await api.deleteWatch(w.id, token.value.trim() || undefined);
      say(`${t('watchDeleted')}: ${w.name}`);
      await load();
    } catch (err) {
      button.disabled = false;
      fail(err);
    }
  }

  const form = h(
    'form',
    { class: 'ingest-form watch-form', id: 'watch-form', novalidate: true },
    h('label', { for: 'watch-name' }, t('watchName'), name),
    h('label', { for: 'watch-countries' }, t('watchCountries'), countries),
    h('fieldset', { class: 'watch-pair' }, h('legend', null, t('watchPair')), pairA, ' – ', pairB),
    h('fieldset', { class: 'watch-types' }, h('legend', null, t('types')), types.map((box) => h('label', { class: 'check' }, box, ctx.i18n.type(box.value)))),
    h('label', { for: 'watch-topics' }, t('watchTopics'), topics),
    h('label', { for: 'watch-persons' }, t('watchPersons'), persons),
    h('label', { for: 'watch-webhook' }, t('webhookUrl'), webhook),
    h('label', { for: 'watch-token' }, t('sessionToken'), token),
    h('div', null, submit),
    status,
  );

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    setToken(token.value.trim());
    const body = watchBody({
      name: name.value,
      countries: countries.value,
      pairA: pairA.value,
      pairB: pairB.value,
      types: types.filter((box) => box.checked).map((box) => box.value),
      topics: topics.value,
      persons: persons.value,
      webhook: webhook.value,
    });
    submit.disabled = true;
    submit.textContent = t('creating');
    say('');
    try {
      const w = await api.createWatch(body, token.value.trim() || undefined);
      const secret = w.webhook?.secret;
      say(`${t('watchCreated')}: ${w.name}`, false,
        secret ? h('span', { id: 'watch-secret' }, ' · ', t('webhookSecret'), ' ', h('code', null, secret)) : null);
      for (const field of [name, countries, pairA, pairB, topics, persons, webhook]) field.value = '';
      for (const box of types) box.checked = false;
      await load();
    } catch (err) {
      fail(err);
    } finally {
      submit.disabled = false;
      submit.textContent = t('create');
    }
  });

  void load();

  const el = h(
    'div',
    { class: 'page watches' },
    h('div', { class: 'page-head' }, h('h1', null, t('watches'))),
    h('p', { class: 'muted' }, t('watchesIntro')),
    section(t('watches'), 'watches-section', list),
    section(t('newWatch'), 'new-watch', form),
  );

  return {
    el,
    title: t('watches'),
    dispose() {
      disposed = true;
    },
  };
}
