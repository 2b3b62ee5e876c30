// The only way this app creates DOM: strings always become Text nodes, never markup.
// Nothing in src/ parses markup from strings (test/safety.test.ts enforces it).

type Child = Node | string | number | null | undefined | false | Child[];
type AttrValue = string | number | boolean | null | undefined | ((ev: Event) => void);
export type Attrs = Record<string, AttrValue>;

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (typeof child === 'string' || typeof child === 'number') {
    parent.appendChild(document.createTextNode(String(child)));
  } else {
    parent.appendChild(child);
  }
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') {
      // Event listeners through addEventListener only (no inline handlers: CSP).
      el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    } else if (k === 'class') {
      el.setAttribute('class', String(v));
    } else if (v === true) {
      el.setAttribute(k, '');
    } else {
      el.setAttribute(k, String(v));
    }
  }
}

/** Creates an HTML element; string children are inserted as text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element; string children are inserted as text. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces all children of a node. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

/** Scrolls an element into view: smoothly, or at once for people whose system asks for reduced motion. */
export function reveal(el: Element | null | undefined, block: ScrollLogicalPosition): void {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  el?.scrollIntoView({ block, behavior: reduced ? 'auto' : 'smooth' });
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T | null {
  return document.getElementById(id) as T | null;
}

/**
 * Runs a re-render of `root` and puts keyboard focus back on the equivalent element afterwards (same id, or the same
 * kind of element inside the same [data-fact-id] / [data-code] item), so live updates do not steal focus.
 */
export function keepFocus(root: Element, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  if (!active || !root.contains(active)) {
    render();
    return;
  }
  const id = active.id;
  const item = active.closest('[data-fact-id],[data-code]');
  const key = item?.getAttribute('data-fact-id') ?? item?.getAttribute('data-code');
  const attr = item?.hasAttribute('data-fact-id') ? 'data-fact-id' : 'data-code';
  const tag = active.tagName.toLowerCase();
  const listId = item?.parentElement?.id;
  render();
  let target: HTMLElement | null = null;
  if (id) target = document.getElementById(id);
  if (!target && key) {
    const scope = listId ? document.getElementById(listId) : root;
    const sel = `[${attr}="${CSS.escape(key)}"]`;
    const again = scope?.querySelector(sel) ?? root.querySelector(sel);
    target = (again?.matches(tag) ? again : again?.querySelector(tag)) as HTMLElement | null;
  }
  target?.focus({ preventScroll: true });
}
