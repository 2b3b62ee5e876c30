// Time-lapse: replays the facts of a period day by day over its own WebSocket (/ws/replay, independent of the live
// socket); the map lights up as facts arrive. Renders are batched (Batcher) so 1000 days per second stays smooth.
import { Batcher } from '../batcher';
import { factDetails, section } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import { formatCount, formatDateRange } from '../format';
import { WorldMap } from '../map';
import { href, type Route } from '../router';
import {
  addDays,
  applyReplay,
  clampSpeed,
  daysBetween,
  emptyLapse,
  factsSpan,
  isIsoDay,
  MAX_SPEED,
  MIN_SPEED,
  parseReplayMessage,
  replayUrl,
  serverCloseReason,
  type LapseState,
  type ReplayControl,
  type ReplayMessage,
} from '../timelapse';

const RENDER_INTERVAL_MS = 250;

export function timelapsePage(ctx: Ctx, route: Extract<Route, { page: 'timelapse' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const q = route.query;
  const fromInput = h('input', { id: 'timelapse-from', type: 'date' });
  const toInput = h('input', { id: 'timelapse-to', type: 'date' });
  const speedInput = h('input', { id: 'timelapse-speed', type: 'number', min: MIN_SPEED, max: MAX_SPEED, step: 1, value: String(clampSpeed(Number(q.get('speed') ?? 30))) });
  const startButton = h('button', { id: 'timelapse-start', type: 'submit' }, t('start'));
  const playButton = h('button', { id: 'timelapse-play', type: 'button', disabled: true }, t('play'));
  const seek = h('input', { id: 'timelapse-seek', type: 'range', min: 0, max: 0, step: 1, value: 0, disabled: true, 'aria-label': t('seek') });
  const dateOut = h('time', { id: 'timelapse-date', class: 'lapse-date' }, '—');
  const countOut = h('span', { id: 'timelapse-count', class: 'counter-value', 'data-count': '0' }, '0');
  const status = h('p', { id: 'timelapse-status', class: 'muted', role: 'status' });
  const latest = h('ul', { id: 'timelapse-facts', class: 'feed' });
  const map = new WorldMap({ id: 'timelapse-map', title: t('timelapse'), label: (c) => ctx.i18n.country(c), onSelect: (code) => ctx.navigate(href.country(code)) });

  // Period: from the URL, else the span of the facts the page knows (filled in when they load).
  let periodEdited = false;
  function fillPeriod(): void {
    const qf = q.get('from');
    const qt = q.get('to');
    if (isIsoDay(qf) && isIsoDay(qt)) {
      fromInput.value = qf;
      toInput.value = qt;
      periodEdited = true;
      return;
    }
    const span = factsSpan(ctx.state.facts.values());
    if (span) {
      fromInput.value = span.from;
      toInput.value = span.to;
    }
  }
  fillPeriod();
  for (const input of [fromInput, toInput]) input.addEventListener('input', () => (periodEdited = true));

  const form = h(
    'form',
    { class: 'lapse-controls card' },
    h('label', null, t('from'), ' ', fromInput),
    h('label', null, t('to'), ' ', toInput),
    h('label', null, t('speed'), ' ', speedInput),
    startButton,
    playButton,
  );
  const el = h(
    'div',
    { class: 'page timelapse' },
    h('h1', null, t('timelapse')),
    form,
    h(
      'div',
      { class: 'grid-2' },
      h(
        'div',
        { class: 'col' },
        h(
          'section',
          { class: 'card map-card', 'aria-labelledby': 'timelapse-h' },
          h('div', { class: 'card-head' }, h('h2', { id: 'timelapse-h' }, dateOut), h('span', { class: 'counter' }, countOut, h('span', { class: 'counter-label' }, t('replayed')))),
          h('figure', { class: 'map-wrap' }, map.el),
          h('label', { class: 'lapse-seek' }, t('seek'), ' ', seek),
          status,
        ),
      ),
      h('div', { class: 'col' }, section(t('latestReplayed'), 'timelapse-facts-card', latest)),
    ),
  );

  let lapse: LapseState = emptyLapse(clampSpeed(Number(speedInput.value)));
  let ws: WebSocket | null = null;
  let seeking = false;

  function render(): void {
    const lang = ctx.i18n.lang;
    dateOut.textContent = lapse.date ? formatDateRange(lapse.date, null, lang) : '—';
    dateOut.setAttribute('datetime', lapse.date ?? '');
    dateOut.setAttribute('data-speed', String(lapse.speed)); // as the server confirmed it
    countOut.textContent = formatCount(lapse.shown, lang) + (lapse.total !== null ? ` / ${formatCount(lapse.total, lang)}` : '');
    countOut.setAttribute('data-count', String(lapse.shown));
    map.setCounts(lapse.counts);
    playButton.textContent = lapse.playing ? t('pause') : t('play');
    playButton.setAttribute('aria-pressed', String(lapse.playing));
    playButton.disabled = ws === null;
    if (lapse.from && lapse.to) {
      seek.max = String(Math.max(0, daysBetween(lapse.from, lapse.to)));
      if (!seeking && lapse.date) seek.value = String(daysBetween(lapse.from, lapse.date));
      seek.disabled = ws === null;
    }
    if (lapse.error) setStatus(lapse.error, true);
    else if (lapse.ended) setStatus(t('replayEnded'), false);
    else if (ws !== null) setStatus('', false); // played on after the end (a closed socket keeps its message)
    replaceChildren(latest, lapse.latest.map((f) => factDetails(ctx, f)));
  }

  function setStatus(text: string, error: boolean): void {
    status.textContent = text;
    status.className = error ? 'error' : 'muted';
  }

  const batcher = new Batcher<ReplayMessage>((msgs) => {
    lapse = applyReplay(lapse, msgs);
    render();
  }, RENDER_INTERVAL_MS);

  function send(msg: ReplayControl): void {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
  }

  function close(): void {
    const old = ws;
    ws = null;
    old?.close();
    batcher.dispose();
  }

  function open(): void {
    close();
    const from = fromInput.value;
    const to = toInput.value;
    if (!isIsoDay(from) || !isIsoDay(to) || from > to) {
      setStatus(t('badPeriod'), true);
      return;
    }
    const speed = clampSpeed(Number(speedInput.value));
    speedInput.value = String(speed);
    ctx.replaceQuery({ from, to, speed: String(speed) });
    lapse = { ...emptyLapse(speed), from, to };
    setStatus('', false);
    const socket = new WebSocket(replayUrl(location, { from, to, speed }));
    ws = socket;
    // The server opens paused; "Start" means play. Sent after its first clock: a frame sent on 'open' can arrive
    // before the server listens for controls and be lost.
    let started = false;
    socket.addEventListener('message', (ev) => {
      const msg = parseReplayMessage(ev.data);
      if (!msg || ws !== socket) return;
      batcher.push(msg);
      if (!started && msg.type === 'replay-clock') {
        started = true;
        send({ action: 'play' });
      }
    });
    socket.addEventListener('close', (ev) => {
      if (ws !== socket) return; // closed by us (new period, or leaving the page)
      ws = null;
      batcher.flush();
      if (!lapse.ended && !lapse.error) {
        // The server's own words when it gave any (a cap reached: 1008 with the limit's name), shown as text.
        const reason = serverCloseReason(ev.code, ev.reason);
        setStatus(reason === null ? t('replayClosed') : `${t('replayClosedBecause')}${reason}`, true);
      }
      render();
    });
    render();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    open();
  });
  playButton.addEventListener('click', () => {
    // After the end, play starts the period again.
    if (lapse.ended && lapse.from) send({ action: 'seek', value: lapse.from });
    send({ action: lapse.playing ? 'pause' : 'play' });
  });
  speedInput.addEventListener('change', () => {
    const speed = clampSpeed(Number(speedInput.value));
    speedInput.value = String(speed);
    send({ action: 'speed', value: speed });
  });
  // While dragging, show the day under the thumb; seek when released.
  seek.addEventListener('input', () => {
    seeking = true;
    if (lapse.from) dateOut.textContent = formatDateRange(addDays(lapse.from, Number(seek.value)), null, ctx.i18n.lang);
  });
  seek.addEventListener('change', () => {
    seeking = false;
    if (lapse.from) send({ action: 'seek', value: addDays(lapse.from, Number(seek.value)) });
  });

  render();

  return {
    el,
    title: t('timelapse'),
    update() {
      // The live facts loaded after mounting give the default period.
      if (!periodEdited && ws === null) fillPeriod();
    },
    dispose() {
      close();
    },
  };
}
