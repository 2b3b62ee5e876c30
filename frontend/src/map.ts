// World choropleth on SVG. The shapes come projected at build time (scripts/project-map.mjs → world-110m.json, part
// of the bundle), so drawing a map only inserts path elements; d3-geo projects just the arcs, with the same projection.
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { bucket } from './aggregate';
import { s } from './dom';
import world from './generated/world-110m.json';
import { alpha2Of } from './isocodes';

export const BUCKETS = 5;

interface Shape {
  code: string | null;
  name: string;
  /** SVG path data, already projected into the world view box */
  d: string;
  /** [longitude, latitude] of the main polygon's centroid: where arcs start and end */
  centroid: [number, number];
}

let shapes: Shape[] | null = null;

/** The shapes, with their alpha-2 codes (resolved once, on first use). */
function worldShapes(): Shape[] {
  shapes ??= world.shapes.map((w) => ({
    code: alpha2Of(w.id ?? undefined, w.name),
    name: w.name,
    d: w.d,
    centroid: w.centroid as [number, number],
  }));
  return shapes;
}

export interface Arc {
  from: string;
  to: string;
  cls: string;
  title?: string;
}

export interface MapOptions {
  id?: string;
  label(code: string): string;
  onSelect?(code: string): void;
  /** accessible name of the map */
  title: string;
}

export class WorldMap {
  readonly el: SVGSVGElement;
  private readonly countriesG: SVGGElement;
  private readonly arcsG: SVGGElement;
  /** per code its shapes, each with what paint() last wrote to it (so an unchanged shape is not touched again) */
  private byCode = new Map<string, { shape: Shape; path: SVGPathElement; title: SVGTitleElement; painted: string }[]>();
  private counts = new Map<string, number>();
  private selected: string | null = null;
  private arcs: Arc[] = [];
  private readonly projection = geoNaturalEarth1().scale(world.scale).translate(world.translate as [number, number]);
  private readonly path = geoPath(this.projection);

  constructor(private readonly opts: MapOptions) {
    this.el = s('svg', {
      id: opts.id ?? null,
      class: 'world-map',
      viewBox: `0 0 ${world.width} ${world.height}`,
      role: 'group',
      'aria-label': opts.title,
      preserveAspectRatio: 'xMidYMid meet',
    });
    this.countriesG = s('g', { class: 'countries' });
    this.arcsG = s('g', { class: 'arcs' });
    this.el.append(s('path', { class: 'sphere', d: world.sphere }), s('path', { class: 'graticule', d: world.graticule }), this.countriesG, this.arcsG);
    this.draw();
  }

  private draw(): void {
    for (const shape of worldShapes()) {
      const title = s('title');
      const p = s('path', { d: shape.d, class: 'country' }, title);
      if (shape.code) {
        p.setAttribute('data-code', shape.code);
        const list = this.byCode.get(shape.code) ?? [];
        list.push({ shape, path: p, title, painted: '' });
        this.byCode.set(shape.code, list);
        const code = shape.code;
        p.addEventListener('click', () => this.opts.onSelect?.(code));
        p.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') {
            ev.preventDefault();
            this.opts.onSelect?.(code);
          }
        });
      } else {
        title.textContent = shape.name;
      }
      this.countriesG.append(p);
    }
    this.paint();
  }

  /** Codes that have no shape on this map (organisations, small states missing at 110m). */
  notShown(codes: Iterable<string>): string[] {
    return Array.from(codes).filter((c) => !this.byCode.has(c));
  }

  setCounts(counts: Map<string, number>): void {
    this.counts = counts;
    this.paint();
  }

  setSelected(code: string | null): void {
    this.selected = code;
    this.paint();
  }

  setArcs(arcs: Arc[]): void {
    this.arcs = arcs;
    this.drawArcs();
  }

  /** Re-applies names (language switch) and colours. */
  paint(): void {
    let max = 0;
    for (const [code, n] of this.counts) if (this.byCode.has(code)) max = Math.max(max, n);
    for (const [code, entries] of this.byCode) {
      const n = this.counts.get(code) ?? 0;
      const b = bucket(n, max, BUCKETS);
      const cls = ['country'];
      if (n > 0) cls.push('active', `b${b}`);
      if (code === this.selected) cls.push('selected');
      const label = this.opts.label(code);
      const painted = `${cls.join(' ')}|${n}|${label}`;
      for (const entry of entries) {
        if (entry.painted === painted) continue;
        entry.painted = painted;
        const { path, title } = entry;
        path.setAttribute('class', cls.join(' '));
        path.setAttribute('data-count', String(n));
        title.textContent = `${label} (${code})${n ? ` — ${n}` : ''}`;
        if (n > 0 && this.opts.onSelect) {
          path.setAttribute('tabindex', '0');
          path.setAttribute('role', 'link');
          path.setAttribute('aria-label', `${label}: ${n}`);
        } else {
          path.removeAttribute('tabindex');
          path.removeAttribute('role');
          path.removeAttribute('aria-label');
        }
      }
    }
  }

  private drawArcs(): void {
    while (this.arcsG.firstChild) this.arcsG.removeChild(this.arcsG.firstChild);
    for (const arc of this.arcs) {
      const a = this.byCode.get(arc.from)?.[0]?.shape.centroid;
      const b = this.byCode.get(arc.to)?.[0]?.shape.centroid;
      if (!a || !b || arc.from === arc.to) continue;
      const d = this.path({ type: 'LineString', coordinates: [a, b] });
      if (!d) continue;
      const end = this.projection(b);
      const g = s('g', { class: `arc ${arc.cls}` }, s('path', { d }), arc.title ? s('title', null, arc.title) : null);
      if (end) g.append(s('circle', { cx: end[0].toFixed(1), cy: end[1].toFixed(1), r: 4 }));
      this.arcsG.append(g);
    }
  }
}
