import { describe, expect, it } from "vitest";
import type { Catalogues } from "../api/types";
import { cellFilters, drillHref, stepLeadTimes } from "./drill";
import { readFilters, validateFilterSearch } from "./filters";
import { parseSearch } from "./search";

const searchOf = (query: string) => validateFilterSearch(parseSearch(query));

describe("drillHref", () => {
  it("keeps the period, view and filter codes and sets the group's filter", () => {
    const current = searchOf("from=2025-01&to=2025-06&view=county&ageGroup=barn");
    const href = drillHref("/ledtider", current, { targetGroup: "demens" });
    expect(href).toBe(
      "/ledtider?from=2025-01&to=2025-06&view=county&ageGroup=barn&targetGroup=demens",
    );
    const filters = readFilters(searchOf(new URL(href, "http://x").search));
    expect(filters.codes.targetGroup).toEqual(["demens"]);
    expect(filters.codes.ageGroup).toEqual(["barn"]);
    expect(filters.from).toBe("2025-01");
  });

  it("replaces several chosen codes of the same filter by the one clicked", () => {
    const current = searchOf("municipality=0180&municipality=0181");
    expect(drillHref("/arenden", current, { municipality: "0181" })).toBe(
      "/arenden?municipality=0181",
    );
  });

  it("leaves the page's own choices behind", () => {
    const current = searchOf("groupBy=leadUnit&measure=closed&targetGroup=demens");
    expect(drillHref("/fastnade", current, {})).toBe("/fastnade?targetGroup=demens");
  });

  it("is the bare path when nothing is filtered", () => {
    expect(drillHref("/ledtider", searchOf(""), {})).toBe("/ledtider");
  });
});

describe("cellFilters", () => {
  it("filters by each grouped dimension the filter bar has", () => {
    expect(
      cellFilters(["targetGroup", "municipality"], { targetGroup: "demens", municipality: "0181" }),
    ).toEqual({ targetGroup: "demens", municipality: "0181" });
  });

  it("has no link for a unit or a group without a value", () => {
    expect(cellFilters(["leadUnit"], { leadUnit: "K0181-ALDRE" })).toBeNull();
    expect(cellFilters(["targetGroup"], {})).toBeNull();
  });

  it("keeps the process of a process · step cell", () => {
    expect(cellFilters(["process", "step"], { process: "sip", step: 3 })).toEqual({
      process: "sip",
    });
  });
});

describe("stepLeadTimes", () => {
  const catalogues = {
    processes: [
      {
        code: "sip",
        name: "SIP",
        steps: [
          { number: 1, name: "A", targetDays: 7 },
          { number: 2, name: "B", targetDays: 14 },
          { number: 3, name: "C", targetDays: null },
        ],
      },
    ],
  } as unknown as Catalogues;

  it("opens the lead time from the stuck step to the next", () => {
    expect(stepLeadTimes(catalogues, "sip", 2)).toEqual({
      process: "sip",
      fromStep: "2",
      toStep: "3",
    });
  });

  it("opens the process alone for its last step", () => {
    expect(stepLeadTimes(catalogues, "sip", 3)).toEqual({ process: "sip" });
  });
});
