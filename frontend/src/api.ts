// REST client (same origin). Errors are application/problem+json.
import type { CountryCount, CountryView, DocumentRecord, EventTally, EventView, Fact, IngestResult, Labels, NewWatch, Problem, TopicCount, TopicView, Totals, Watch } from './types';

export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

async function problemOf(res: Response): Promise<Problem> {
  try {
    const body = (await res.json()) as Problem;
    if (body && typeof body === 'object') return body;
  } catch {
    /* not JSON */
  }
  return { status: res.status, title: res.statusText || `HTTP ${res.status}` };
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' }, signal, credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  return (await res.json()) as T;
}

/** A write with the API token (Authorization: Bearer); a problem+json answer becomes an ApiError. */
async function send(method: 'POST' | 'DELETE', path: string, token: string | undefined, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, await problemOf(res));
  return res;
}

const enc = encodeURIComponent;

function query(q: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const qs = p.toString();
  return qs ? '?' + qs : '';
}

export const api = {
  labels: (signal?: AbortSignal) => getJson<Labels>('api/labels', signal),
  countries: (signal?: AbortSignal) => getJson<CountryCount[]>('api/countries', signal),
  country: (code: string, signal?: AbortSignal) => getJson<CountryView>(`api/countries/${enc(code)}`, signal),
  topics: (signal?: AbortSignal) => getJson<TopicCount[]>('api/topics', signal),
  topic: (id: string, signal?: AbortSignal) => getJson<TopicView>(`api/topics/${enc(id)}`, signal),
  document: (id: string, signal?: AbortSignal) => getJson<DocumentRecord>(`api/documents/${enc(id)}`, signal),
  event: (id: string, signal?: AbortSignal) => getJson<EventView>(`api/events/${enc(id)}`, signal),
  events: (q: { country?: string; topic?: string; type?: string; limit?: number }, signal?: AbortSignal) =>
    getJson<EventView[]>(`api/events${query(q)}`, signal),
  totals: (signal?: AbortSignal) => getJson<Totals>('api/totals', signal),
  tally: (q: { country: string } | { topic: string }, signal?: AbortSignal) => getJson<EventTally>(`api/totals${query(q)}`, signal),
  facts: (q: { country?: string; type?: string; since?: string; limit?: number; document?: string }, signal?: AbortSignal) => {
    return getJson<Fact[]>(`api/facts${query(q)}`, signal);
  },
  watches: (signal?: AbortSignal) => getJson<Watch[]>('api/watches', signal),
  /** 201 with the watch, its webhook's secret shown this once. */
  createWatch: async (body: NewWatch, token?: string) => (await (await send('POST', 'api/watches', token, body)).json()) as Watch,
  deleteWatch: async (id: string, token?: string): Promise<void> => {
    await send('DELETE', `api/watches/${enc(id)}`, token);
  },
  async ingest(body: { text: string; published?: string; language?: string; url?: string }, token?: string): Promise<IngestResult> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const res = await fetch('api/documents', { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
    if (!res.ok) throw new ApiError(res.status, await problemOf(res));
    return (await res.json()) as IngestResult;
  },
};
