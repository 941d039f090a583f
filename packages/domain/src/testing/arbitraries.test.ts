import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceRecordKey } from "../disclosure/record-key";
import { arbCaseLog } from "./arbitraries";

describe("arbCaseLog", () => {
  it("gives its cases distinct refs with record keys that differ from case to case", () => {
    // The cell-key properties of the metrics mean nothing if every case has the same key.
    const logs = fc.sample(arbCaseLog({ minCases: 10, maxCases: 20 }), { seed: 1, numRuns: 20 });
    for (const log of logs) {
      const refs = log.map((c) => c.case.ref);
      expect(new Set(refs).size).toBe(refs.length);
      expect(new Set(refs.map(referenceRecordKey)).size).toBeGreaterThan(refs.length / 2);
    }
  });
});
