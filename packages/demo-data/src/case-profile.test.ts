import { containsIdentifier, defaultTargetGroups } from "@samsyn/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseRef } from "./case-profile";
import { MAX_DEMO_CASES } from "./generate-demo-county";
import { targetGroupProfiles } from "./target-groups";

const longestDigitRun = (text: string) =>
  Math.max(0, ...(text.match(/\d+/g) ?? []).map((run) => run.length));

describe("target group profiles", () => {
  it("cover exactly the default målgrupper of the domain", () => {
    expect(Object.keys(targetGroupProfiles).sort()).toEqual(
      defaultTargetGroups.map((g) => g.code).sort(),
    );
  });
});

describe("caseRef", () => {
  it("is never personnummer-like, for any seed and case number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 1, max: MAX_DEMO_CASES }),
        (seed, n) => {
          const ref = caseRef(seed, n);
          expect(containsIdentifier(ref)).toBe(false);
          expect(longestDigitRun(ref)).toBeLessThanOrEqual(7);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("tells cases and seeds apart", () => {
    expect(caseRef(1, 1)).toBe("D-1-N1");
    expect(caseRef(1, 36)).toBe("D-1-N10");
    expect(caseRef(1, 2)).not.toBe(caseRef(2, 1));
  });
});
