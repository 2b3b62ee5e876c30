// The alerts badge in the header: alerts of the user's watches arrive on the WebSocket; the badge counts those not
// seen yet, its panel lists the latest, and with the user's permission each also becomes a browser notification.
import { h, replaceChildren } from './dom';
import type { I18n } from './i18n';
import { href } from './router';
import type { Alert } from './types';

/** How many alerts the panel lists. */
export const PANEL_LENGTH = 20;

/** The alerts shown, newest first, and how many of them are unseen: pure, so it is tested without a DOM. */
export interface AlertList {
  alerts: Alert[];
  unseen: number;
}

/** Adds an alert unless it is already there (a reconnection may repeat none, but a replayed page might). */
export function addAlert(list: AlertList, alert: Alert): AlertList {
  if (list.alerts.some((a) => a.id === alert.id)) return list;
  return { alerts: [alert, ...list.alerts].slice(0, PANEL_LENGTH), unseen: list.unseen + 1 };
}

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function permission(): Permission {
  return typeof Notification === 'undefined' ? 'unsupported' : (Notification.permission as Permission);
}

export class AlertBadge {
  readonly el: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private list: AlertList = { alerts: [], unseen: 0 };

  constructor(private readonly i18n: I18n) {
    this.button = h('button', { type: 'button', id: 'alerts-badge', class: 'tool', 'aria-expanded': 'false',
      'aria-controls': 'alerts-panel' });
    this.panel = h('div', { id: 'alerts-panel', class: 'alerts-panel', role: 'region', hidden: true });
    this.button.addEventListener('click', () => this.toggle());
    this.el = h('div', { class: 'alerts' }, this.button, this.panel);
    this.render();
  }

  /** A new alert from the socket. */
  receive(alert: Alert): void {
    const before = this.list;
    this.list = addAlert(this.list, alert);
    if (this.list === before) return;
    if (!this.panel.hidden) this.list = { ...this.list, unseen: 0 };
    this.render();
    if (permission() === 'granted') {
      try {
        new Notification(`${this.i18n.t('alerts')}: ${alert.watchName}`, { body: this.describe(alert), tag: alert.id });
      } catch {
        /* some browsers allow notifications only from a service worker */
      }
    }
  }

  private toggle(): void {
    this.panel.hidden = !this.panel.hidden;
    if (!this.panel.hidden) this.list = { ...this.list, unseen: 0 };
    this.render();
  }

  private describe(alert: Alert): string {
    const f = alert.fact;
    return `${this.i18n.type(f.type)} · ${f.participants.map((c) => this.i18n.country(c)).join(' – ')}${f.date ? ` · ${f.date}` : ''}`;
  }

  render(): void {
    const unseen = this.list.unseen;
    this.button.setAttribute('aria-expanded', String(!this.panel.hidden));
    this.button.setAttribute('aria-label', `${this.i18n.t('alerts')}: ${unseen}`);
    replaceChildren(this.button, this.i18n.t('alerts'),
      unseen > 0 ? h('span', { class: 'badge', 'data-count': unseen }, String(unseen)) : null);
    const perm = permission();
    const notify =
      perm === 'default'
        ? h('button', { type: 'button', id: 'alerts-notify', class: 'tool', onclick: () => {
            void Notification.requestPermission().then(() => this.render());
          } }, this.i18n.t('notifyAsk'))
        : perm === 'granted'
          ? h('p', { class: 'muted' }, this.i18n.t('notifyOn'))
          : perm === 'denied'
            ? h('p', { class: 'muted' }, this.i18n.t('notifyDenied'))
            : null;
    replaceChildren(
      this.panel,
      this.list.alerts.length === 0
        ? h('p', { class: 'muted' }, this.i18n.t('noAlerts'))
        : h('ul', { class: 'alert-list' }, this.list.alerts.map((a) =>
            h('li', { 'data-alert': a.id }, h('strong', null, a.watchName), ' ',
              h('a', { href: href.document(a.fact.documentId, a.fact.id) }, this.describe(a))))),
      notify,
    );
  }
}
