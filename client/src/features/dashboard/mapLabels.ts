// Which region labels a map shows. ECharts' labelLayout.hideOverlap does not act on map series, and
// small districts side by side (Shangcheng and Gongshu, Xihu and Binjiang) drew their names over each
// other. Each label's box is known before it is drawn (its anchor in pixels, its text measured): the
// labels are placed one by one, most complaints first, and one that would touch a placed label or
// the legend is left to the region's hover and tooltip.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Candidate {
  code: string;
  /** The label's centre, in the chart's pixels. */
  x: number;
  y: number;
  text: string;
  /** Higher first: the complaint count, then the region's size. */
  rank: [number, number];
}

/** Room kept around each label, in pixels, so that neighbours never touch. */
const GAP = 3;

let measurer: CanvasRenderingContext2D | null = null;

/** The width of `text` in `font`, as the browser draws it. */
export function textWidth(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 8;
  measurer.font = font;
  return measurer.measureText(text).width;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The codes whose labels are shown: no two boxes (grown by GAP) overlap, nor one an obstacle. */
export function placeLabels(candidates: Candidate[], fontSize: number, fontFamily: string, obstacles: Box[] = []): Set<string> {
  const font = `${fontSize}px ${fontFamily}`;
  const placed: Box[] = [...obstacles];
  const shown = new Set<string>();
  const order = [...candidates].sort((a, b) => b.rank[0] - a.rank[0] || b.rank[1] - a.rank[1] || a.code.localeCompare(b.code));
  for (const c of order) {
    if (!c.text || !Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const w = textWidth(c.text, font) + 2 * GAP;
    const h = fontSize * 1.4 + 2 * GAP;
    const box = { x: c.x - w / 2, y: c.y - h / 2, w, h };
    if (placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
    shown.add(c.code);
  }
  return shown;
}
