import { describe, expect, it } from 'vitest';
import { addAlert, PANEL_LENGTH } from '../src/alerts';
import { parseMessage } from '../src/state';
import type { Alert } from '../src/types';

function alert(id: string): Alert {
  return { id, watchId: 'w'.repeat(32), watchName: 'Chile', acceptedAt: '2026-12-07T20:00:00Z',
    fact: { id: `f${id}`, documentId: 'd', type: 'TALKS', participants: ['CL', 'CN'], date: '2019-04-28' } as Alert['fact'] };
}

describe('alerts', () => {
  it('counts each new alert once as unseen, newest first, and keeps the panel bounded', () => {
    let list = { alerts: [] as Alert[], unseen: 0 };
    list = addAlert(list, alert('1'));
    list = addAlert(list, alert('2'));
    list = addAlert(list, alert('1'));
    expect(list.unseen).toBe(2);
    expect(list.alerts.map((a) => a.id)).toEqual(['2', '1']);
    for (let i = 3; i < 3 + PANEL_LENGTH; i++) list = addAlert(list, alert(String(i)));
    expect(list.alerts).toHaveLength(PANEL_LENGTH);
    expect(list.unseen).toBe(2 + PANEL_LENGTH);
  });

  it('reads alert messages and refuses malformed ones', () => {
    const message = parseMessage(JSON.stringify({ type: 'alert', alert: alert('1') }));
    expect(message).toMatchObject({ type: 'alert', alert: { id: '1', watchName: 'Chile' } });
    expect(parseMessage(JSON.stringify({ type: 'alert', alert: { id: '1' } }))).toBeNull();
    expect(parseMessage(JSON.stringify({ type: 'alert' }))).toBeNull();
  });
});
