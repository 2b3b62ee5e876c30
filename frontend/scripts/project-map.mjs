// Projects world-atlas's 110m countries once, at build time, into SVG path data (src/generated/world-110m.json), so
// the browser only inserts ready paths instead of converting TopoJSON and projecting every polygon on each load.
// Run by `npm run build`, `npm test` and `npm run dev` (their "pre" scripts). Deterministic: same input, same file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const WIDTH = 960;
const HEIGHT = 500;
const MARGIN = 4;
/** Antarctica: no diplomacy to show, lots of pixels. */
const LEFT_OUT = new Set(['010']);

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'world-110m.json');

const projection = geoNaturalEarth1().fitExtent(
  [
    [MARGIN, MARGIN],
    [WIDTH - MARGIN, HEIGHT - MARGIN],
  ],
  { type: 'Sphere' },
);
// One decimal of a 960-wide view box is far below a pixel.
const path = geoPath(projection).digits(1);

/** Centroid of the largest polygon (so France is placed in Europe, not between it and Guiana). */
function mainCentroid(f) {
  const g = f.geometry;
  let target = f;
  if (g && g.type === 'MultiPolygon') {
    let bestArea = -1;
    for (const coordinates of g.coordinates) {
      const polygon = { type: 'Polygon', coordinates };
      const area = geoArea(polygon);
      if (area > bestArea) {
        bestArea = area;
        target = polygon;
      }
    }
  }
  return geoCentroid(target).map((x) => Math.round(x * 1000) / 1000);
}

const shapes = feature(topology, topology.objects.countries)
  .features.filter((f) => !LEFT_OUT.has(String(f.id)))
  .map((f) => ({
    id: f.id === undefined ? null : String(f.id),
    name: f.properties?.name ?? '',
    d: path(f) ?? '',
    centroid: mainCentroid(f),
  }));

const map = {
  source: 'world-atlas 2 countries-110m, Natural Earth projection',
  width: WIDTH,
  height: HEIGHT,
  // What the browser needs to project arcs between centroids exactly as the shapes were projected.
  scale: projection.scale(),
  translate: projection.translate(),
  sphere: path({ type: 'Sphere' }),
  graticule: path(geoGraticule10()),
  shapes,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(map) + '\n');
console.log(`project-map: ${shapes.length} shapes → ${out} (${Math.round(JSON.stringify(map).length / 1024)} KB)`);
