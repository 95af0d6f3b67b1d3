// A radar (spider) chart drawn by hand in SVG: one axis per dimension, rings at 25/50/75/100, the scores as a polygon.
import { svg } from './dom.js';

const WIDTH = 760;
const HEIGHT = 330;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 115;

/** dimensions: [{name, score (0-100)}]. Returns an <svg> element. */
export function radar(dimensions, label) {
  const n = dimensions.length;
  const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i, r) => [CX + r * Math.cos(angle(i)), CY + r * Math.sin(angle(i))];
  const polygon = (r) => dimensions.map((_, i) => at(i, r).map((v) => v.toFixed(1)).join(',')).join(' ');
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': label });
  for (const ring of [0.25, 0.5, 0.75, 1]) root.append(svg('polygon', { class: 'grid', points: polygon(RADIUS * ring) }));
  dimensions.forEach((_, i) => {
    const [x, y] = at(i, RADIUS);
    root.append(svg('line', { class: 'axis', x1: CX, y1: CY, x2: x.toFixed(1), y2: y.toFixed(1) }));
  });
  const points = dimensions.map((d, i) => at(i, (RADIUS * Math.max(0, Math.min(100, d.score))) / 100));
  root.append(svg('polygon', { class: 'area', points: points.map((p) => p.map((v) => v.toFixed(1)).join(',')).join(' ') }));
  dimensions.forEach((d, i) => {
    const [x, y] = at(i, RADIUS + 14);
    const cos = Math.cos(angle(i));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    root.append(svg('text', { class: 'label', x: x.toFixed(1), y: y.toFixed(1), 'text-anchor': anchor }, d.name));
    root.append(svg('text', { class: 'value', x: x.toFixed(1), y: (y + 13).toFixed(1), 'text-anchor': anchor },
      d.score.toFixed(1)));
    const [px, py] = points[i];
    root.append(svg('circle', { class: 'area', cx: px.toFixed(1), cy: py.toFixed(1), r: 3 }));
  });
  return root;
}
