// Writes the English and Chinese name of every ISO 3166 region code that Intl knows (src/generated/region-names.json),
// so the browser never builds Intl.DisplayNames on first render: its first construction loads ICU's locale data,
// which took hundreds of milliseconds of a page's first render. Run with project-map.mjs before build, dev and test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'generated', 'region-names.json');
const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const zh = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' });
const A = 'A'.charCodeAt(0);

const names = {};
for (let i = 0; i < 26 * 26; i++) {
  const code = String.fromCharCode(A + Math.floor(i / 26), A + (i % 26));
  const name = { en: en.of(code), zh: zh.of(code) };
  if (name.en && name.zh) names[code] = name;
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(names) + '\n');
console.log(`region-names: ${Object.keys(names).length} regions → ${out}`);
