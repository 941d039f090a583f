import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roles } from "../access";
import { mayWriteAgreements, seesAgreement } from "./access";

describe("agreement access", () => {
  it("lets only lan and admin write, and they see every agreement", () => {
    for (const role of roles) {
      const keeper = role === "lan" || role === "admin";
      expect(mayWriteAgreements({ role })).toBe(keeper);
      if (keeper) expect(seesAgreement({ role, orgs: [] }, ["a", "b"])).toBe(true);
    }
  });

  it("shows ledning and samordnare exactly the agreements one of their organisations is party to", () => {
    const codes = fc.subarray(["a", "b", "c", "d"]);
    fc.assert(
      fc.property(
        fc.constantFrom("ledning" as const, "samordnare" as const),
        codes,
        codes,
        (role, orgs, parties) => {
          expect(seesAgreement({ role, orgs }, parties)).toBe(
            parties.some((p) => orgs.includes(p)),
          );
        },
      ),
    );
  });
});
