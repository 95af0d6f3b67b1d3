// Building DOM nodes from data. Text goes in through textContent only: nothing a service returns is ever parsed as
// HTML, so an answer or a document title holding "<script>" shows as those characters.

/** el('li', {className: 'x', dataset: {id: '1'}}, 'text', childNode, ...) */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'on') for (const [type, fn] of Object.entries(value)) node.addEventListener(type, fn);
    else if (key in node) node[key] = value;
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

/** SVG element with attributes (numbers and strings only, never markup). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const $ = (id) => document.getElementById(id);

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

export function percent(p) {
  return (p * 100).toFixed(p >= 0.9995 || p < 0.0005 ? 1 : 2) + '%';
}

/** A data: URL for a Base64 PNG the API returned (checked to be Base64 so nothing else can be smuggled in). */
export function pngDataUrl(base64) {
  if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/=]+$/.test(base64)) throw new Error('not a Base64 PNG');
  return 'data:image/png;base64,' + base64;
}
