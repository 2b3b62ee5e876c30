// World choropleth on SVG (d3-geo + world-atlas 110m, served as a same-origin asset).
import { geoArea, geoCentroid, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { bucket } from './aggregate';
import { s } from './dom';
import { alpha2Of } from './isocodes';

export const BUCKETS = 5;
const W = 960;
const H = 500;

interface Shape {
  code: string | null;
  name: string;
  feature: Feature<Geometry>;
  centroid: [number, number];
}

let atlas: Promise<Shape[]> | null = null;

function loadAtlas(): Promise<Shape[]> {
  if (!atlas) {
    atlas = fetch(atlasUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`atlas: HTTP ${r.status}`);
        return r.json() as Promise<Topology>;
      })
      .then((topo) => {
        const fc = feature(topo, topo.objects.countries as GeometryCollection) as unknown as FeatureCollection<Geometry, { name?: string }>;
        return fc.features
          .filter((f) => String(f.id) !== '010') // Antarctica: no diplomacy to show, lots of pixels
          .map((f) => ({
            code: alpha2Of(f.id as string | undefined, f.properties?.name),
            name: f.properties?.name ?? '',
            feature: f as Feature<Geometry>,
            centroid: mainCentroid(f as Feature<Geometry>),
          }));
      });
    atlas.catch(() => {
      atlas = null; // allow a retry on the next page
    });
  }
  return atlas;
}

/** Centroid of the largest polygon (so France is placed in Europe, not between it and Guiana). */
function mainCentroid(f: Feature<Geometry>): [number, number] {
  const g = f.geometry;
  if (g && g.type === 'MultiPolygon') {
    let best: Polygon | null = null;
    let bestArea = -1;
    for (const coords of (g as MultiPolygon).coordinates) {
      const poly: Polygon = { type: 'Polygon', coordinates: coords };
      const a = geoArea(poly);
      if (a > bestArea) {
        bestArea = a;
        best = poly;
      }
    }
    if (best) return geoCentroid(best) as [number, number];
  }
  return geoCentroid(f) as [number, number];
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
  readonly ready: Promise<void>;
  private readonly countriesG: SVGGElement;
  private readonly arcsG: SVGGElement;
  private shapes: Shape[] = [];
  private byCode = new Map<string, { shape: Shape; path: SVGPathElement; title: SVGTitleElement }[]>();
  private counts = new Map<string, number>();
  private selected: string | null = null;
  private arcs: Arc[] = [];
  private readonly projection = geoNaturalEarth1();
  private readonly path = geoPath(this.projection);

  constructor(private readonly opts: MapOptions) {
    this.el = s('svg', {
      id: opts.id ?? null,
      class: 'world-map',
      viewBox: `0 0 ${W} ${H}`,
      role: 'group',
      'aria-label': opts.title,
      preserveAspectRatio: 'xMidYMid meet',
    });
    const sphere = s('path', { class: 'sphere' });
    const grat = s('path', { class: 'graticule' });
    this.countriesG = s('g', { class: 'countries' });
    this.arcsG = s('g', { class: 'arcs' });
    this.el.append(sphere, grat, this.countriesG, this.arcsG);
    this.ready = loadAtlas().then((shapes) => {
      this.shapes = shapes;
      this.projection.fitExtent(
        [
          [4, 4],
          [W - 4, H - 4],
        ],
        { type: 'Sphere' },
      );
      sphere.setAttribute('d', this.path({ type: 'Sphere' }) ?? '');
      grat.setAttribute('d', this.path(geoGraticule10()) ?? '');
      this.draw();
    });
  }

  private draw(): void {
    this.byCode.clear();
    while (this.countriesG.firstChild) this.countriesG.removeChild(this.countriesG.firstChild);
    for (const shape of this.shapes) {
      const title = s('title');
      const p = s('path', { d: this.path(shape.feature) ?? '', class: 'country' }, title);
      if (shape.code) {
        p.setAttribute('data-code', shape.code);
        const list = this.byCode.get(shape.code) ?? [];
        list.push({ shape, path: p, title });
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
    this.drawArcs();
  }

  /** Codes that have no shape on this map (organisations, small states missing at 110m). Valid once ready. */
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
      for (const { path, title } of entries) {
        const cls = ['country'];
        if (n > 0) cls.push('active', `b${b}`);
        if (code === this.selected) cls.push('selected');
        path.setAttribute('class', cls.join(' '));
        path.setAttribute('data-count', String(n));
        title.textContent = `${this.opts.label(code)} (${code})${n ? ` — ${n}` : ''}`;
        if (n > 0 && this.opts.onSelect) {
          path.setAttribute('tabindex', '0');
          path.setAttribute('role', 'link');
          path.setAttribute('aria-label', `${this.opts.label(code)}: ${n}`);
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
    if (this.shapes.length === 0) return;
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
