// Boot: shell (header, connection indicator, language/theme), router, live socket, batched rendering.
import './style.css';
import { api } from './api';
import { Batcher } from './batcher';
import type { Ctx, Page } from './context';
import { byId, h, replaceChildren } from './dom';
import { I18n, initialLang, type Lang } from './i18n';
import { countryPage } from './pages/country';
import { documentPage } from './pages/document';
import { ingestPage } from './pages/ingest';
import { networkPage } from './pages/network';
import { notFoundPage } from './pages/notfound';
import { overviewPage } from './pages/overview';
import { streamsPage } from './pages/streams';
import { timelapsePage } from './pages/timelapse';
import { topicPage } from './pages/topic';
import { href, parseHash, type Route } from './router';
import { LiveSocket, wsUrl, type ConnState } from './socket';
import { applyMessages, emptyState, isEmpty, mergeFacts } from './state';
import type { ServerMessage } from './types';

const LANG_KEY = 'communique.lang';
const THEME_KEY = 'communique.theme';
/** At most 4 renders per second, whatever the message rate. */
const RENDER_INTERVAL_MS = 250;

function storageGet(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}
function storageSet(k: string, v: string): void {
  try {
    localStorage.setItem(k, v);
  } catch {
    /* private mode */
  }
}

type Theme = 'auto' | 'light' | 'dark';
function applyTheme(theme: Theme): void {
  if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}

const i18n = new I18n(initialLang(storageGet(LANG_KEY), navigator.languages ?? [navigator.language]));
let theme: Theme = (['auto', 'light', 'dark'] as const).find((x) => x === storageGet(THEME_KEY)) ?? 'auto';
applyTheme(theme);

const state = emptyState();
let page: Page | null = null;
let currentRoute: Route = parseHash(location.hash);
let conn: { state: ConnState; retryIn?: number } = { state: 'connecting' };

const batcher = new Batcher<ServerMessage>((msgs) => {
  const ch = applyMessages(state, msgs, Date.now());
  if (ch.snapshot) void loadAllFacts();
  if (!isEmpty(ch)) page?.update?.(ch);
}, RENDER_INTERVAL_MS);

const ctx: Ctx = {
  state,
  i18n,
  now: () => Date.now(),
  navigate: (hash) => {
    if (location.hash === hash) mount();
    else location.hash = hash;
  },
  replaceQuery: (query) => {
    const base = location.hash.split('?')[0] || '#/';
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) p.set(k, v);
    const qs = p.toString();
    history.replaceState(history.state, '', qs ? `${base}?${qs}` : base);
    currentRoute = parseHash(location.hash);
  },
  batcher,
  factsLoaded: false,
};

/** After each snapshot, load the facts the aggregates need (the snapshot only carries the latest 50). */
let factsLoad = 0;
async function loadAllFacts(): Promise<void> {
  const mine = ++factsLoad;
  try {
    // Servers may cap or reject a large limit: fall back to smaller pages.
    const facts = await api.facts({ limit: 1000 }).catch(() => api.facts({}));
    if (mine !== factsLoad) return;
    mergeFacts(state, facts);
    ctx.factsLoaded = true;
    page?.update?.({ snapshot: false, counts: true, newFacts: [], countryViews: new Set(), topicViews: new Set() });
  } catch {
    /* the live feed still works */
  }
}

// ---- shell ----

const main = h('main', { id: 'main', tabindex: '-1' });
const connection = h('span', { id: 'connection', 'data-state': 'connecting', role: 'status', 'aria-live': 'polite' });
const langButton = h('button', { type: 'button', id: 'lang-toggle', class: 'tool' });
const themeButton = h('button', { type: 'button', id: 'theme-toggle', class: 'tool' });
const nav = h('nav', { 'aria-label': 'Main' });
const skip = h('a', { class: 'skip', href: '#/' });
skip.addEventListener('click', (ev) => {
  ev.preventDefault();
  main.focus();
});

function renderShell(): void {
  document.documentElement.lang = i18n.lang === 'zh' ? 'zh-Hans' : 'en';
  skip.textContent = i18n.t('skip');
  langButton.textContent = i18n.lang === 'zh' ? 'English' : '中文';
  langButton.setAttribute('aria-label', i18n.lang === 'zh' ? 'Switch to English' : '切换到中文');
  const themeLabel = theme === 'auto' ? i18n.t('themeAuto') : theme === 'light' ? i18n.t('themeLight') : i18n.t('themeDark');
  themeButton.textContent = `◐ ${themeLabel}`;
  themeButton.setAttribute('aria-label', `${i18n.t('theme')}: ${themeLabel}`);
  const links: [string, string, Route['page'][]][] = [
    [href.overview(), i18n.t('overview'), ['overview']],
    [href.network(), i18n.t('network'), ['network']],
    [href.ingest(), i18n.t('ingest'), ['ingest']],
    [href.timelapse(), i18n.t('timelapse'), ['timelapse']],
    [href.streams(), i18n.t('streams'), ['streams']],
  ];
  replaceChildren(
    nav,
    links.map(([hr, label, pages]) =>
      h('a', { href: hr, 'aria-current': pages.includes(currentRoute.page) ? 'page' : null }, label),
    ),
  );
  renderConnection();
}

function renderConnection(): void {
  connection.setAttribute('data-state', conn.state);
  const label =
    conn.state === 'live'
      ? i18n.t('live')
      : conn.state === 'connecting'
        ? i18n.t('connecting')
        : i18n.t('reconnecting') + (conn.retryIn ? ` ${Math.ceil(conn.retryIn / 1000)}s` : '');
  replaceChildren(connection, h('span', { class: 'dot', 'aria-hidden': 'true' }), label);
}

langButton.addEventListener('click', () => {
  const next: Lang = i18n.lang === 'zh' ? 'en' : 'zh';
  i18n.lang = next;
  storageSet(LANG_KEY, next);
  renderShell();
  mount();
});
themeButton.addEventListener('click', () => {
  theme = theme === 'auto' ? 'light' : theme === 'light' ? 'dark' : 'auto';
  storageSet(THEME_KEY, theme);
  applyTheme(theme);
  renderShell();
});

const header = h(
  'header',
  { class: 'top' },
  skip,
  h('a', { class: 'brand', href: '#/' }, 'Communiqué'),
  nav,
  h('div', { class: 'tools' }, connection, langButton, themeButton),
);

const app = byId('app') ?? document.body;
replaceChildren(app, header, main);

// ---- router ----

function mount(): void {
  currentRoute = parseHash(location.hash);
  page?.dispose?.();
  page = null;
  const r = currentRoute;
  switch (r.page) {
    case 'overview':
      page = overviewPage(ctx, r);
      break;
    case 'country':
      page = countryPage(ctx, r);
      break;
    case 'topic':
      page = topicPage(ctx, r);
      break;
    case 'network':
      page = networkPage(ctx, r);
      break;
    case 'document':
      page = documentPage(ctx, r);
      break;
    case 'ingest':
      page = ingestPage(ctx, r);
      break;
    case 'streams':
      page = streamsPage(ctx);
      break;
    case 'timelapse':
      page = timelapsePage(ctx, r);
      break;
    default:
      page = notFoundPage(ctx, r);
  }
  replaceChildren(main, page.el);
  document.title = page.title ? `${page.title} · Communiqué` : 'Communiqué';
  renderShell();
}

let lastPath = location.hash.split('?')[0];
window.addEventListener('hashchange', () => {
  const path = location.hash.split('?')[0];
  const samePage = path === lastPath;
  lastPath = path;
  mount();
  if (!samePage) {
    window.scrollTo(0, 0);
    main.focus({ preventScroll: true });
  }
});

renderShell();
mount();

// Labels first (names), then the live socket.
api
  .labels()
  .then((labels) => {
    i18n.labels = labels;
    mount();
  })
  .catch(() => {
    /* built-in and Intl names are used */
  });

const socket = new LiveSocket(wsUrl(location), {
  onMessage: (msg) => batcher.push(msg),
  onState: (s, retryIn) => {
    conn = { state: s, retryIn };
    renderConnection();
  },
});
socket.start();
