import { describe, expect, it } from "vitest";
import {
  addMonths,
  lastDayOf,
  metricParams,
  readFilters,
  stockholmToday,
  validateFilterSearch,
} from "./filters";
import { parseSearch } from "./search";

const filtersOf = (query: string) => readFilters(validateFilterSearch(parseSearch(query)));

describe("filters in the URL", () => {
  it("reads months, view and repeated codes, ignoring malformed values", () => {
    const f = filtersOf("from=2024-01&to=2024-13&view=county&municipality=0180&municipality=0182");
    expect(f.from).toBe("2024-01");
    expect(f.to).toBeNull();
    expect(f.view).toBe("county");
    expect(f.codes.municipality).toEqual(["0180", "0182"]);
    expect(f.codes.targetGroup).toEqual([]);
  });

  it("turns whole months into the first and last day for the API", () => {
    const params = metricParams(filtersOf("from=2024-02&to=2024-02&ageGroup=barn"));
    expect(params.toString()).toBe("from=2024-02-01&to=2024-02-29&ageGroup=barn");
  });

  it("drops what is not a filter's value instead of failing: a bookmark never breaks a page", () => {
    const f = filtersOf("from=2024&to=&view=all&process=&process=sip&targetGroup=a&targetGroup=");
    expect(f.from).toBeNull();
    expect(f.to).toBeNull();
    expect(f.view).toBeNull();
    expect(f.codes.process).toEqual(["sip"]);
    expect(f.codes.targetGroup).toEqual(["a"]);
    // Someone else's params are not the filters' to judge: the page's own schema reads them.
    expect(validateFilterSearch(parseSearch("groupBy=leadUnit&from=2024-05"))).toEqual({
      from: "2024-05",
    });
  });

  it("knows month lengths and steps across years", () => {
    expect(lastDayOf("2023-02")).toBe("2023-02-28");
    expect(lastDayOf("2024-12")).toBe("2024-12-31");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2024-11", 14)).toBe("2026-01");
  });

  it("takes today's date in Stockholm, not UTC", () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Stockholm.
    expect(stockholmToday(new Date("2024-12-31T23:30:00Z"))).toBe("2025-01-01");
  });
});
