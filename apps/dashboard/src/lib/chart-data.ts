/**
 * What a chart may claim, decided before it is drawn: labels that fit the axis, the groups a chart
 * has room for (the rest stated, never summed), and whether a breakdown has anything to draw.
 */

/**
 * A label broken at spaces into at most `maxLines` lines of at most `maxChars` characters. A word
 * longer than a line is cut, and whatever does not fit ends the last line with "…": the full name
 * is in the tooltip and the table.
 */
export function wrapLabel(text: string, maxChars: number, maxLines = 2): string[] {
  const width = Math.max(4, Math.floor(maxChars));
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index] ?? "";
    const joined = line === "" ? word : `${line} ${word}`;
    if (joined.length <= width) {
      line = joined;
      continue;
    }
    if (line !== "") {
      lines.push(line);
      if (lines.length === maxLines) break;
    }
    line = word;
  }
  const rest = index < words.length;
  if (!rest && line !== "") lines.push(line);
  const fitted = lines.slice(0, maxLines).map((l) => (l.length > width ? cut(l, width) : l));
  const cutAnything = rest || lines.length > maxLines || lines.some((l) => l.length > width);
  if (cutAnything && fitted.length > 0) {
    const last = fitted.length - 1;
    fitted[last] = ellipsis(fitted[last] ?? "", width);
  }
  return fitted;
}

function cut(line: string, width: number): string {
  return `${line.slice(0, width - 1)}…`;
}

function ellipsis(line: string, width: number): string {
  if (line.endsWith("…")) return line;
  return line.length < width ? `${line}…` : cut(line, width);
}

/** The first `n` of `rows` (already in the order the chart shows them), and how many are left out. */
export function topN<T>(rows: readonly T[], n: number): { shown: T[]; rest: number } {
  const shown = rows.slice(0, Math.max(0, n));
  return { shown, rest: rows.length - shown.length };
}

/**
 * A breakdown too thin to chart: more than half of its cells withheld (all of them included).
 * Empty axes would say nothing; a sentence and the coarser, publishable figure say why.
 */
export function mostlyWithheld(withheld: readonly boolean[]): boolean {
  const hidden = withheld.filter((w) => w).length;
  return withheld.length > 0 && hidden * 2 > withheld.length;
}

/** Whether any row has a value a chart can draw (withheld values are null and not drawn). */
export function hasDrawable(
  rows: readonly Record<string, unknown>[],
  keys: readonly string[],
): boolean {
  return rows.some((row) => keys.some((key) => typeof row[key] === "number"));
}

/** Characters of a 12 px sans-serif label that fit in `pixels` (wide letters too), with room for the tick mark. */
export function charsFor(pixels: number): number {
  return Math.max(8, Math.floor((pixels - 12) / 7.2));
}
