import { describe, expect, it } from "vitest";
import { parseSearch, stringifySearch, withChanges } from "./search";

describe("search params as the URL writes them", () => {
  it("reads repeated keys as a list and keeps codes as strings", () => {
    expect(parseSearch("?from=2024-01&municipality=0180&municipality=0182&groupBy=")).toEqual({
      from: "2024-01",
      municipality: ["0180", "0182"],
      groupBy: "",
    });
  });

  it("writes lists as repeated keys, in the object's order, and nothing for unset values", () => {
    expect(
      stringifySearch({
        to: "2024-12",
        municipality: ["0180", "0182"],
        view: undefined,
        process: [],
      }),
    ).toBe("?to=2024-12&municipality=0180&municipality=0182");
    expect(stringifySearch({})).toBe("");
  });

  it("gives back the URL it read", () => {
    const query = "?from=2024-01&municipality=0180&municipality=0182&actor=lena+l%C3%B6v";
    expect(stringifySearch(parseSearch(query))).toBe(query);
  });

  it("sets and removes params and keeps the others", () => {
    const next = withChanges({ a: "1", b: ["2", "3"] }, { b: ["4"], c: "5" });
    expect(next).toEqual({ a: "1", b: ["4"], c: "5" });
    expect(withChanges(next, { a: null })).toEqual({ b: ["4"], c: "5" });
  });
});
