// One WebSocket to /ws: snapshot then deltas; reconnects with backoff and resyncs from a fresh snapshot.
import { backoffDelay } from './backoff';
import { parseMessage } from './state';
import type { ServerMessage } from './types';

export type ConnState = 'connecting' | 'live' | 'reconnecting';

export interface SocketCallbacks {
  onMessage(msg: ServerMessage): void;
  onState(state: ConnState, retryInMs?: number): void;
}

/** The socket beside the page: ws(s)://host/<page directory>/ws, so the app also works behind a path prefix. */
export function wsUrl(loc: { protocol: string; host: string; pathname: string }, name = 'ws'): string {
  const dir = loc.pathname.endsWith('/') ? loc.pathname : loc.pathname.replace(/[^/]*$/, '');
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}${dir || '/'}${name}`;
}

export class LiveSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private watched: string[] = [];

  constructor(
    private readonly url: string,
    private readonly cb: SocketCallbacks,
  ) {}

  start(): void {
    this.stopped = false;
    this.open();
    window.addEventListener('online', () => this.reconnectNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && !this.ws) this.reconnectNow();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.ws?.close();
    this.ws = null;
  }

  /**
   * The views the page shows whole ("country/RU"): the server sends those whole when they change and only the
   * counts of all others. Sent again on every (re)connection.
   */
  watch(views: string[]): void {
    this.watched = views;
    this.sendWatch();
  }

  private sendWatch(): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify({ type: 'watch', views: this.watched }));
  }

  /** Skips the remaining backoff (e.g. the browser came back online). */
  reconnectNow(): void {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.open();
  }

  private open(): void {
    this.cb.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.addEventListener('open', () => this.sendWatch());
    ws.addEventListener('message', (ev) => {
      const msg = parseMessage(ev.data);
      if (!msg) return;
      if (msg.type === 'snapshot') {
        this.attempt = 0;
        this.cb.onState('live');
      }
      this.cb.onMessage(msg);
    });
    ws.addEventListener('close', () => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (!this.stopped) this.scheduleRetry();
    });
    ws.addEventListener('error', () => {
      // 'close' follows and schedules the retry.
    });
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt++);
    this.cb.onState('reconnecting', delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, delay);
  }
}
