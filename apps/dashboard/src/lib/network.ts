/**
 * The arithmetic of the network picture, apart from React: which nodes are shown (the busiest,
 * the rest counted as "övriga"), where they sit on a circle, how wide a link is and how a long
 * name is wrapped. The picture draws what this returns; the tables show everything.
 */

export interface NetworkLink {
  readonly a: string;
  readonly b: string;
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface NodeTotal {
  readonly code: string;
  /** Published cases over the node's links; a withheld link adds nothing, since it is unknown. */
  readonly total: number;
  /** Links with a published count. */
  readonly links: number;
  /** Links of any kind, withheld ones too: who has most partners, when nothing else tells. */
  readonly pairs: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The count a picture may draw: a withheld link is not drawn at all, never drawn as 0. */
export function drawnCount(link: NetworkLink): number | null {
  return link.suppressed || link.count === null || link.count <= 0 ? null : link.count;
}

/**
 * Every node of the links, busiest first: by published cases, then by published links, then by
 * all links, then by code (so that the order never depends on the order of the answer).
 */
export function nodeTotals(links: readonly NetworkLink[]): NodeTotal[] {
  const totals = new Map<string, { total: number; links: number; pairs: number }>();
  for (const link of links) {
    const count = drawnCount(link);
    for (const code of [link.a, link.b]) {
      const node = totals.get(code) ?? { total: 0, links: 0, pairs: 0 };
      node.pairs += 1;
      if (count !== null) {
        node.total += count;
        node.links += 1;
      }
      totals.set(code, node);
    }
  }
  return [...totals]
    .map(([code, t]) => ({ code, ...t }))
    .sort(
      (x, y) =>
        y.total - x.total || y.links - x.links || y.pairs - x.pairs || (x.code < y.code ? -1 : 1),
    );
}

/** The `limit` busiest nodes, and how many others there are ("övriga N enheter"). */
export function busiestNodes(
  links: readonly NetworkLink[],
  limit: number,
): { shown: string[]; others: number } {
  const all = nodeTotals(links);
  const shown = all.slice(0, Math.max(0, limit)).map((n) => n.code);
  return { shown, others: all.length - shown.length };
}

/** The links between shown nodes that have a published count: what the picture draws. */
export function drawnLinks(
  links: readonly NetworkLink[],
  shown: readonly string[],
): { a: string; b: string; count: number }[] {
  const inPicture = new Set(shown);
  return links.flatMap((link) => {
    const count = drawnCount(link);
    return count !== null && inPicture.has(link.a) && inPicture.has(link.b)
      ? [{ a: link.a, b: link.b, count }]
      : [];
  });
}

/** `count` points evenly round a circle, the first at the top, then clockwise. */
export function circlePoints(count: number, radius: number, centre: Point): Point[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return {
      x: round(centre.x + radius * Math.cos(angle)),
      y: round(centre.y + radius * Math.sin(angle)),
    };
  });
}

/** The point `distance` further out from the centre than `point`: where its label starts. */
export function outward(point: Point, centre: Point, distance: number): Point {
  const dx = point.x - centre.x;
  const dy = point.y - centre.y;
  const length = Math.hypot(dx, dy) || 1;
  return {
    x: round(point.x + (dx / length) * distance),
    y: round(point.y + (dy / length) * distance),
  };
}

/** Labels on the right half read away from the circle to the right, on the left to the left. */
export function labelAnchor(point: Point, centre: Point): "start" | "middle" | "end" {
  const dx = point.x - centre.x;
  if (Math.abs(dx) < 1) return "middle";
  return dx > 0 ? "start" : "end";
}

/** A link's stroke width in proportion to its count: the largest `widest`, none below `thinnest`. */
export function linkWidth(count: number, max: number, widest = 12, thinnest = 1): number {
  if (max <= 0) return thinnest;
  return round(thinnest + (widest - thinnest) * (Math.min(count, max) / max));
}

/** A curve from p to q bent towards the centre, so that links do not run along the rim. */
export function linkPath(p: Point, q: Point, centre: Point): string {
  const bend = 0.35;
  const control = {
    x: round(centre.x + ((p.x + q.x) / 2 - centre.x) * bend),
    y: round(centre.y + ((p.y + q.y) / 2 - centre.y) * bend),
  };
  return `M ${p.x} ${p.y} Q ${control.x} ${control.y} ${q.x} ${q.y}`;
}

/** Where a word too long for a line was broken: shown as "-", taken out when pieces rejoin. */
const softHyphen = "\u00ad";

/**
 * A name in at most `lines` lines of at most `width` characters, broken between words, and a word
 * longer than a line broken with a hyphen; what does not fit ends in "…" (the full name is in the
 * tooltip and the table).
 */
export function wrapLabel(text: string, width: number, lines = 2): string[] {
  const words = text
    .split(/\s+/)
    .filter((w) => w !== "")
    .flatMap((w) => hyphenate(w, width));
  const result: string[] = [];
  let line = "";
  for (const [i, word] of words.entries()) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (candidate.length <= width) {
      line = candidate;
      continue;
    }
    if (result.length >= lines - 1) {
      const rest = [line, ...words.slice(i)].join(" ").replaceAll(`${softHyphen} `, "");
      result.push(fit(rest, width));
      return result.map(shown);
    }
    result.push(line);
    line = word;
  }
  if (line !== "") result.push(line);
  return result.map(shown);
}

function hyphenate(word: string, width: number): string[] {
  if (word.length <= width || width < 4) return [word];
  return [`${word.slice(0, width - 1)}${softHyphen}`, ...hyphenate(word.slice(width - 1), width)];
}

function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

function shown(line: string): string {
  return line.replaceAll(softHyphen, "-");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
