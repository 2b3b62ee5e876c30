// Boot: shell (header, connection indicator, language/theme), router, live socket, batched rendering.
import './style.css';
import { AlertBadge } from './alerts';
import { api } from './api';
import { Batcher } from './batcher';
import { errorNote } from './components';
import type { Ctx, Page } from './context';
import { byId, h, replaceChildren } from './dom';
import { I18n, initialLang, type Lang } from './i18n';
import { notFoundPage } from './pages/notfound';
import { overviewPage } from './pages/overview';
import { href, parseHash, type Route } from './router';
import { LiveSocket, wsUrl, type ConnState } from './socket';
import { applyMessages, emptyState, isEmpty, mergeFacts, noChanges } from './state';
import type { ServerMessage } from './types';

const LANG_KEY = 'communique.lang';
const THEME_KEY = 'communique.theme';
/** At most 4 renders per second, whatever the message rate. */
const RENDER_INTERVAL_MS = 250;
/**
 * How long the first page waits for the server's labels and the socket's first snapshot before it is drawn anyway
 * (and redrawn as they come). Both take a few ms from the same host; drawing before them costs extra layouts.
 */
const FIRST_DATA_WAIT_MS = 1000;

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
const darkScheme = window.matchMedia?.('(prefers-color-scheme: dark)');
/** 'auto' is resolved here, from the system's scheme, so that the style sheet defines the dark theme once. */
function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'auto' && darkScheme?.matches === true);
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
}

const i18n = new I18n(initialLang(storageGet(LANG_KEY), navigator.languages ?? [navigator.language]));
let theme: Theme = (['auto', 'light', 'dark'] as const).find((x) => x === storageGet(THEME_KEY)) ?? 'auto';
applyTheme(theme);
darkScheme?.addEventListener('change', () => applyTheme(theme));

const state = emptyState();
let page: Page | null = null;
let currentRoute: Route = parseHash(location.hash);
let conn: { state: ConnState; retryIn?: number } = { state: 'connecting' };
/** Made once the shell exists (below); mount() tells it which views the page shows. */
let socket: LiveSocket | null = null;

let firstSnapshotIn: () => void = () => undefined;
const firstSnapshot = new Promise<void>((resolve) => (firstSnapshotIn = resolve));

const batcher = new Batcher<ServerMessage>((msgs) => {
  const ch = applyMessages(state, msgs, Date.now());
  if (ch.snapshot) {
    firstSnapshotIn();
    void loadAllFacts();
  }
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
    page?.update?.({ ...noChanges(), counts: true });
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
const alertBadge = new AlertBadge(i18n);
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
    [href.watches(), i18n.t('watches'), ['watches']],
    [href.reference(), i18n.t('apiReference'), ['reference']],
  ];
  replaceChildren(
    nav,
    links.map(([hr, label, pages]) =>
      h('a', { href: hr, 'aria-current': pages.includes(currentRoute.page) ? 'page' : null }, label),
    ),
  );
  renderConnection();
  alertBadge.render();
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
  h('div', { class: 'tools' }, alertBadge.el, connection, langButton, themeButton),
);

const app = byId('app') ?? document.body;
replaceChildren(app, header, main);

// ---- router ----

/**
 * The overview is in the main bundle; every other page is a chunk of its own, loaded on its first visit, so the
 * first page most people open parses only its own code.
 */
function pageFor(r: Route): Page | Promise<Page> {
  switch (r.page) {
    case 'overview':
      return overviewPage(ctx, r);
    case 'country':
      return import('./pages/country').then((m) => m.countryPage(ctx, r));
    case 'topic':
      return import('./pages/topic').then((m) => m.topicPage(ctx, r));
    case 'network':
      return import('./pages/network').then((m) => m.networkPage(ctx, r));
    case 'event':
      return import('./pages/event').then((m) => m.eventPage(ctx, r));
    case 'document':
      return import('./pages/document').then((m) => m.documentPage(ctx, r));
    case 'ingest':
      return import('./pages/ingest').then((m) => m.ingestPage(ctx, r));
    case 'streams':
      return import('./pages/streams').then((m) => m.streamsPage(ctx));
    case 'timelapse':
      return import('./pages/timelapse').then((m) => m.timelapsePage(ctx, r));
    case 'watches':
      return import('./pages/watches').then((m) => m.watchesPage(ctx));
    case 'reference':
      return import('./pages/reference').then((m) => m.referencePage(ctx));
    default:
      return notFoundPage(ctx, r);
  }
}

/** The views a page shows whole; the socket asks the server for those and only the counts of the others. */
function watchedViews(r: Route): string[] {
  if (r.page === 'country') return [`country/${r.code}`];
  if (r.page === 'topic') return [`topic/${r.id}`];
  return [];
}

let mounts = 0;
function mount(): void {
  currentRoute = parseHash(location.hash);
  socket?.watch(watchedViews(currentRoute));
  const mine = ++mounts;
  page?.dispose?.();
  page = null;
  const made = pageFor(currentRoute);
  if (made instanceof Promise) {
    replaceChildren(main, h('p', { class: 'muted page' }, i18n.t('loading')));
    made.then(
      (p) => {
        if (mine === mounts) show(p);
        else p.dispose?.(); // navigated on meanwhile
      },
      (err: unknown) => {
        if (mine === mounts) replaceChildren(main, errorNote(ctx, err));
      },
    );
  } else {
    show(made);
  }
  renderShell();
}

function show(p: Page): void {
  page = p;
  replaceChildren(main, p.el);
  document.title = p.title ? `${p.title} · Communiqué` : 'Communiqué';
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

// The socket and the labels first, so both are on their way while the page is built.
socket = new LiveSocket(wsUrl(location), {
  // Alerts go to the badge at once: they are few, and nothing of the page's state changes with them.
  onMessage: (msg) => (msg.type === 'alert' ? alertBadge.receive(msg.alert) : batcher.push(msg)),
  onState: (s, retryIn) => {
    conn = { state: s, retryIn };
    renderConnection();
  },
});
socket.watch(watchedViews(currentRoute));
socket.start();

let labelsIn = false;
const labelsLoaded = api.labels().then(
  (labels) => {
    i18n.labels = labels;
    labelsIn = true;
  },
  () => {
    /* built-in and Intl names are used */
  },
);
renderShell();
// The first page is drawn once, with its names and data: mounting before the labels would draw every name twice,
// and before the snapshot would lay the page out twice.
void Promise.race([Promise.all([labelsLoaded, firstSnapshot]), new Promise((resolve) => setTimeout(resolve, FIRST_DATA_WAIT_MS))]).then(() => {
  mount();
  if (!labelsIn) void labelsLoaded.then(() => labelsIn && mount());
});
