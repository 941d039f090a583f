import { describe, expect, it } from "vitest";
import {
  busiestNodes,
  circlePoints,
  drawnLinks,
  labelAnchor,
  linkPath,
  linkWidth,
  type NetworkLink,
  nodeTotals,
  outward,
  wrapLabel,
} from "./network";

const link = (a: string, b: string, count: number | null): NetworkLink => ({
  a,
  b,
  count,
  suppressed: count === null,
});

describe("nodeTotals and busiestNodes", () => {
  const links = [
    link("A", "B", 40),
    link("A", "C", 10),
    link("B", "C", 12),
    link("C", "D", null),
    link("D", "E", 5),
    link("E", "F", 5),
  ];

  it("sums each node's published links; a withheld link adds nothing", () => {
    expect(nodeTotals(links)).toEqual([
      { code: "B", total: 52, links: 2, pairs: 2 },
      { code: "A", total: 50, links: 2, pairs: 2 },
      { code: "C", total: 22, links: 2, pairs: 3 },
      { code: "E", total: 10, links: 2, pairs: 2 },
      { code: "D", total: 5, links: 1, pairs: 2 },
      { code: "F", total: 5, links: 1, pairs: 1 },
    ]);
  });

  it("shows the busiest and counts the rest as others", () => {
    expect(busiestNodes(links, 3)).toEqual({ shown: ["B", "A", "C"], others: 3 });
    expect(busiestNodes(links, 15)).toEqual({
      shown: ["B", "A", "C", "E", "D", "F"],
      others: 0,
    });
    expect(busiestNodes([], 15)).toEqual({ shown: [], others: 0 });
  });

  it("puts nodes whose links are all withheld last, those with most partners first", () => {
    const withheldOnly = [link("A", "B", 9), link("X", "Y", null), link("Y", "Z", null)];
    expect(nodeTotals(withheldOnly).map((n) => n.code)).toEqual(["A", "B", "Y", "X", "Z"]);
    expect(busiestNodes(withheldOnly, 3)).toEqual({ shown: ["A", "B", "Y"], others: 2 });
  });

  it("does not depend on the order of the answer", () => {
    const shuffled = [...links].reverse();
    expect(nodeTotals(shuffled)).toEqual(nodeTotals(links));
  });

  it("draws only published links between shown nodes", () => {
    expect(drawnLinks(links, ["A", "B", "C", "D"])).toEqual([
      { a: "A", b: "B", count: 40 },
      { a: "A", b: "C", count: 10 },
      { a: "B", b: "C", count: 12 },
    ]);
  });
});

describe("the circle", () => {
  const centre = { x: 100, y: 100 };

  it("puts the first point at the top and goes clockwise, evenly", () => {
    expect(circlePoints(4, 50, centre)).toEqual([
      { x: 100, y: 50 },
      { x: 150, y: 100 },
      { x: 100, y: 150 },
      { x: 50, y: 100 },
    ]);
    for (const p of circlePoints(15, 80, centre))
      expect(Math.hypot(p.x - 100, p.y - 100)).toBeCloseTo(80, 0);
  });

  it("places labels outside the circle, reading away from it", () => {
    expect(outward({ x: 150, y: 100 }, centre, 10)).toEqual({ x: 160, y: 100 });
    expect(outward({ x: 100, y: 50 }, centre, 10)).toEqual({ x: 100, y: 40 });
    expect(labelAnchor({ x: 150, y: 100 }, centre)).toBe("start");
    expect(labelAnchor({ x: 50, y: 100 }, centre)).toBe("end");
    expect(labelAnchor({ x: 100, y: 50 }, centre)).toBe("middle");
  });

  it("widens links in proportion to their count", () => {
    expect(linkWidth(100, 100)).toBe(12);
    expect(linkWidth(0, 100)).toBe(1);
    expect(linkWidth(50, 100)).toBe(6.5);
    expect(linkWidth(50, 100, 9, 1)).toBe(5);
    expect(linkWidth(5, 0)).toBe(1);
  });

  it("bends a link towards the centre", () => {
    expect(linkPath({ x: 100, y: 50 }, { x: 150, y: 100 }, centre)).toBe(
      "M 100 50 Q 108.8 91.3 150 100",
    );
  });
});

describe("wrapLabel", () => {
  it("keeps a short name whole", () => {
    expect(wrapLabel("Kommun", 14)).toEqual(["Kommun"]);
  });

  it("breaks between words", () => {
    expect(wrapLabel("Beroendeenheten, Södertälje kommun", 18)).toEqual([
      "Beroendeenheten,",
      "Södertälje kommun",
    ]);
  });

  it("breaks a word longer than a line with a hyphen", () => {
    expect(wrapLabel("Arbetsförmedlingen", 14)).toEqual(["Arbetsförmedl-", "ingen"]);
    expect(wrapLabel("Barn- och familj", 14)).toEqual(["Barn- och", "familj"]);
  });

  it("ends what does not fit with an ellipsis, never beyond the width", () => {
    const lines = wrapLabel("Psykiatrisk öppenvård, Sydväst, Region Stockholm", 16);
    expect(lines).toEqual(["Psykiatrisk", "öppenvård, Sydv…"]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(16);
    expect(wrapLabel("Äldreomsorgensbiståndshandläggning", 10)).toEqual([
      "Äldreomso-",
      "rgensbist…",
    ]);
    expect(wrapLabel("Vårdcentralen Södertälje", 30, 1)).toEqual(["Vårdcentralen Södertälje"]);
    expect(wrapLabel("Vårdcentralen Södertälje", 12, 1)).toEqual(["Vårdcentral…"]);
  });
});
