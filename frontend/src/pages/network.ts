// Network page: countries (and optionally leaders) as a force-directed graph on canvas, weighted by interactions,
// filterable by type and period. A ranked list of links below gives the same information to keyboards and readers.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type Simulation, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { buildGraph, yearsOf, type GraphLink, type GraphNode } from '../aggregate';
import { countryLink, emptyNote, typeBar } from '../components';
import type { Ctx, Page } from '../context';
import { h, replaceChildren } from '../dom';
import { href, type Route } from '../router';
import type { Changes } from '../state';
import { FACT_TYPES } from '../types';

interface SimNode extends SimulationNodeDatum, GraphNode {
  r: number;
}
interface SimLink extends SimulationLinkDatum<SimNode> {
  weight: number;
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function networkPage(ctx: Ctx, route: Extract<Route, { page: 'network' }>): Page {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const q = route.query;
  const types = new Set<string>(q.get('types') ? q.get('types')!.split(',') : FACT_TYPES);
  let period = q.get('period') ?? 'all';
  let leaders = q.get('leaders') === '1';

  const canvas = h('canvas', { id: 'network-canvas', tabindex: 0, role: 'img', 'aria-label': t('network') });
  const linksList = h('ol', { id: 'network-links', class: 'ranked' });
  const periodSelect = h('select', { id: 'network-period', 'aria-label': t('period') });
  const typeBoxes = h('fieldset', null, h('legend', null, t('types')));
  for (const ty of FACT_TYPES) {
    const cb = h('input', { type: 'checkbox', value: ty, checked: types.has(ty), 'data-type': ty });
    cb.addEventListener('change', () => {
      if (cb.checked) types.add(ty);
      else types.delete(ty);
      saveQuery();
      rebuild();
    });
    typeBoxes.append(h('label', null, cb, h('span', { class: `swatch t-${ty}` }), ctx.i18n.type(ty)));
  }
  const leadersBox = h('input', { type: 'checkbox', id: 'network-leaders', checked: leaders });
  leadersBox.addEventListener('change', () => {
    leaders = leadersBox.checked;
    saveQuery();
    rebuild();
  });
  periodSelect.addEventListener('change', () => {
    period = periodSelect.value;
    saveQuery();
    rebuild();
  });

  function saveQuery(): void {
    ctx.replaceQuery({
      types: types.size === FACT_TYPES.length ? null : Array.from(types).join(','),
      period: period === 'all' ? null : period,
      leaders: leaders ? '1' : null,
    });
  }

  const el = h(
    'div',
    { class: 'page network' },
    h('div', { class: 'page-head' }, h('h1', null, t('network'))),
    h(
      'section',
      { class: 'card' },
      h('div', { class: 'net-controls' }, typeBoxes, h('label', null, t('period'), ' ', periodSelect), h('label', null, leadersBox, t('leaders'))),
      canvas,
    ),
    h('section', { class: 'card', 'aria-labelledby': 'nl-h' }, h('h2', { id: 'nl-h' }, t('edges')), linksList),
  );

  let nodes: SimNode[] = [];
  let links: SimLink[] = [];
  let sim: Simulation<SimNode, SimLink> | null = null;
  let width = 800;
  let height = 500;
  let hover: SimNode | null = null;
  let drag: SimNode | null = null;
  let frame = 0;

  const nodeLabel = (n: GraphNode) => (n.kind === 'person' ? n.id.slice('person:'.length) : ctx.i18n.country(n.id));

  function draw(): void {
    frame = 0;
    const c = canvas.getContext('2d');
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    c.clearRect(0, 0, width, height);
    const fg = cssVar('--fg', '#222');
    const muted = cssVar('--muted', '#888');
    const accent = cssVar('--accent', '#0072b2');
    const person = cssVar('--t-TALKS', '#e69f00');
    const card = cssVar('--card', '#fff');
    const maxW = Math.max(1, ...links.map((l) => l.weight));
    c.strokeStyle = muted;
    for (const l of links) {
      const s = l.source as SimNode;
      const tn = l.target as SimNode;
      c.globalAlpha = 0.35 + 0.5 * (l.weight / maxW);
      c.lineWidth = 1 + 5 * Math.sqrt(l.weight / maxW);
      c.beginPath();
      c.moveTo(s.x ?? 0, s.y ?? 0);
      c.lineTo(tn.x ?? 0, tn.y ?? 0);
      c.stroke();
    }
    c.globalAlpha = 1;
    c.font = '12px system-ui, sans-serif';
    c.textAlign = 'center';
    for (const n of nodes) {
      c.beginPath();
      c.arc(n.x ?? 0, n.y ?? 0, n.r, 0, Math.PI * 2);
      c.fillStyle = n.kind === 'person' ? person : accent;
      c.fill();
      c.lineWidth = n === hover ? 3 : 1.5;
      c.strokeStyle = n === hover ? fg : card;
      c.stroke();
      c.fillStyle = fg;
      c.fillText(nodeLabel(n), n.x ?? 0, (n.y ?? 0) + n.r + 13);
    }
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };

  function rebuild(): void {
    const facts = Array.from(ctx.state.facts.values());
    const years = yearsOf(facts).map(String);
    replaceChildren(periodSelect, ['all', ...years].map((y) => h('option', { value: y, selected: y === period }, y === 'all' ? t('allTime') : y)));
    const g = buildGraph(facts, { types, period, leaders });
    renderList(g.links);
    const old = new Map(nodes.map((n) => [n.id, n]));
    const maxN = Math.max(1, ...g.nodes.map((n) => n.weight));
    nodes = g.nodes.map((n) => {
      const prev = old.get(n.id);
      return Object.assign(prev ?? { x: width / 2 + (Math.random() - 0.5) * 100, y: height / 2 + (Math.random() - 0.5) * 100 }, n, {
        r: (n.kind === 'person' ? 4 : 6) + 14 * Math.sqrt(n.weight / maxN),
      }) as SimNode;
    });
    links = g.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight }));
    const maxW = Math.max(1, ...links.map((l) => l.weight));
    sim?.stop();
    sim = forceSimulation<SimNode, SimLink>(nodes)
      .force('link', forceLink<SimNode, SimLink>(links).id((d) => d.id).distance((l) => 140 - 60 * (l.weight / maxW)).strength(0.4))
      .force('charge', forceManyBody<SimNode>().strength(-260))
      .force('center', forceCenter(width / 2, height / 2))
      .force('collide', forceCollide<SimNode>((d) => d.r + 12))
      .on('tick', () => {
        for (const n of nodes) {
          n.x = Math.max(n.r, Math.min(width - n.r, n.x ?? 0));
          n.y = Math.max(n.r, Math.min(height - n.r - 14, n.y ?? 0));
        }
        schedule();
      });
    if (old.size) sim.alpha(0.4);
    schedule();
  }

  function renderList(gl: GraphLink[]): void {
    const max = gl[0]?.weight ?? 0;
    const name = (id: string) => (id.startsWith('person:') ? h('span', null, id.slice(7)) : countryLink(ctx, id));
    replaceChildren(
      linksList,
      gl.length
        ? gl.slice(0, 100).map((l) =>
            h('li', { 'data-link': `${l.source}|${l.target}` }, h('span', { class: 'pair' }, name(l.source), ' – ', name(l.target)), h('span', { class: 'count' }, String(l.weight)), typeBar(ctx, l.byType, max)),
          )
        : emptyNote(ctx),
    );
  }

  function nodeAt(ev: PointerEvent): SimNode | null {
    const rect = canvas.getBoundingClientRect();
    const x = ev.clientX - rect.left;
    const y = ev.clientY - rect.top;
    let best: SimNode | null = null;
    let bestD = Infinity;
    for (const n of nodes) {
      const d = Math.hypot((n.x ?? 0) - x, (n.y ?? 0) - y);
      if (d <= n.r + 4 && d < bestD) {
        best = n;
        bestD = d;
      }
    }
    return best;
  }

  let downAt: { x: number; y: number } | null = null;
  canvas.addEventListener('pointerdown', (ev) => {
    const n = nodeAt(ev);
    downAt = { x: ev.clientX, y: ev.clientY };
    if (!n) return;
    drag = n;
    canvas.setPointerCapture(ev.pointerId);
    n.fx = n.x;
    n.fy = n.y;
    sim?.alphaTarget(0.2).restart();
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (drag) {
      const rect = canvas.getBoundingClientRect();
      drag.fx = ev.clientX - rect.left;
      drag.fy = ev.clientY - rect.top;
      return;
    }
    const n = nodeAt(ev);
    if (n !== hover) {
      hover = n;
      canvas.style.cursor = n && n.kind === 'country' ? 'pointer' : 'default';
      canvas.title = n ? `${nodeLabel(n)} — ${n.weight} ${t('interactions')}` : '';
      schedule();
    }
  });
  canvas.addEventListener('pointerup', (ev) => {
    const moved = downAt ? Math.hypot(ev.clientX - downAt.x, ev.clientY - downAt.y) : 0;
    if (drag) {
      drag.fx = null;
      drag.fy = null;
      sim?.alphaTarget(0);
      const n = drag;
      drag = null;
      if (moved < 4 && n.kind === 'country') ctx.navigate(href.country(n.id));
    }
    downAt = null;
  });

  const ro = new ResizeObserver(() => {
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0) return;
    width = rect.width;
    height = rect.height;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    sim?.force('center', forceCenter(width / 2, height / 2)).alpha(0.3).restart();
    schedule();
  });
  ro.observe(canvas);
  const themeWatch = new MutationObserver(schedule);
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  rebuild();

  return {
    el,
    title: t('network'),
    update(ch: Changes) {
      if (ch.snapshot || ch.counts || ch.newFacts.length || ch.retracted.length) rebuild();
    },
    dispose() {
      sim?.stop();
      ro.disconnect();
      themeWatch.disconnect();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
