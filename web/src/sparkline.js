// A small trend line as inline SVG (no request, no inline style): the
// points are the engine's figures, placed on the line by their size only
// (drawing, as a chart does; no figure is shown from it).
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 96;
const HEIGHT = 28;

/**
 * @param {Array<number|null>} values the figures in order, null where not known
 * @returns {SVGSVGElement|null} null when fewer than two are known
 */
export function sparkline(values) {
  const known = values.filter((v) => typeof v === 'number');
  if (known.length < 2) return null;
  const low = Math.min(...known);
  const high = Math.max(...known);
  const step = WIDTH / Math.max(1, values.length - 1);
  const y = (v) => (high === low ? HEIGHT / 2 : HEIGHT - 2 - ((v - low) / (high - low)) * (HEIGHT - 4));
  const points = values.map((v, i) => (typeof v === 'number' ? `${(i * step).toFixed(1)},${y(v).toFixed(1)}` : null)).filter(Boolean);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  svg.setAttribute('width', String(WIDTH));
  svg.setAttribute('height', String(HEIGHT));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('points', points.join(' '));
  line.setAttribute('fill', 'none');
  svg.append(line);
  const last = points[points.length - 1]?.split(',');
  if (last && typeof values[values.length - 1] === 'number') {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', last[0]);
    dot.setAttribute('cy', last[1]);
    dot.setAttribute('r', '2.5');
    svg.append(dot);
  }
  return svg;
}
