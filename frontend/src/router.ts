// Hash routes: #/, #/country/RU, #/topic/trade, #/event/<id>, #/network, #/document/<id>, #/ingest, #/streams,
// #/timelapse, #/watches, #/api; optional ?query.

export type Route =
  | { page: 'overview'; query: URLSearchParams }
  | { page: 'country'; code: string; query: URLSearchParams }
  | { page: 'topic'; id: string; query: URLSearchParams }
  | { page: 'network'; query: URLSearchParams }
  | { page: 'document'; id: string; query: URLSearchParams }
  | { page: 'event'; id: string; query: URLSearchParams }
  | { page: 'ingest'; query: URLSearchParams }
  | { page: 'streams'; query: URLSearchParams }
  | { page: 'timelapse'; query: URLSearchParams }
  | { page: 'watches'; query: URLSearchParams }
  | { page: 'reference'; query: URLSearchParams }
  | { page: 'notfound'; path: string; query: URLSearchParams };

function dec(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseHash(hash: string): Route {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const query = new URLSearchParams(q >= 0 ? h.slice(q + 1) : '');
  if (q >= 0) h = h.slice(0, q);
  const parts = h.split('/').filter((p) => p.length > 0).map(dec);
  if (parts.length === 0) return { page: 'overview', query };
  const [head, arg, ...extra] = parts;
  if (extra.length === 0) {
    if (head === 'country' && arg) return { page: 'country', code: arg.toUpperCase(), query };
    if (head === 'topic' && arg) return { page: 'topic', id: arg, query };
    if (head === 'document' && arg) return { page: 'document', id: arg, query };
    if (head === 'event' && arg) return { page: 'event', id: arg, query };
    if (head === 'network' && !arg) return { page: 'network', query };
    if (head === 'ingest' && !arg) return { page: 'ingest', query };
    if (head === 'streams' && !arg) return { page: 'streams', query };
    if (head === 'timelapse' && !arg) return { page: 'timelapse', query };
    if (head === 'watches' && !arg) return { page: 'watches', query };
    if (head === 'api' && !arg) return { page: 'reference', query };
  }
  return { page: 'notfound', path: h, query };
}

function withQuery(path: string, query?: Record<string, string | null | undefined>): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

export const href = {
  overview: (query?: Record<string, string | null | undefined>) => withQuery('#/', query),
  country: (code: string) => `#/country/${encodeURIComponent(code)}`,
  topic: (id: string) => `#/topic/${encodeURIComponent(id)}`,
  network: (query?: Record<string, string | null | undefined>) => withQuery('#/network', query),
  event: (id: string) => `#/event/${encodeURIComponent(id)}`,
  document: (id: string, factId?: string) => withQuery(`#/document/${encodeURIComponent(id)}`, { fact: factId }),
  ingest: () => '#/ingest',
  streams: () => '#/streams',
  timelapse: (query?: Record<string, string | null | undefined>) => withQuery('#/timelapse', query),
  watches: () => '#/watches',
  reference: () => '#/api',
};
