import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roles } from "../access";
import { isPartyToRaise, mayActOnEscalation, mayRaiseAbout, seesEscalation } from "./access";

const codes = fc.subarray(["a", "b", "c", "d"]);

describe("escalation access", () => {
  it("lets samordnare raise about cases only, and every other role about routines only", () => {
    for (const role of roles) {
      expect(mayRaiseAbout({ role }, "case")).toBe(role === "samordnare");
      expect(mayRaiseAbout({ role }, "routine")).toBe(role !== "samordnare");
    }
  });

  it("shows lan and admin every escalation, and the others those their organisations are in", () => {
    fc.assert(
      fc.property(fc.constantFrom(...roles), codes, codes, (role, orgs, organisations) => {
        const whole = role === "lan" || role === "admin";
        const meets = organisations.some((o) => orgs.includes(o));
        expect(seesEscalation({ role, orgs }, organisations)).toBe(whole || meets);
        expect(isPartyToRaise({ role, orgs }, organisations)).toBe(whole || meets);
      }),
    );
  });

  it("lets lan, admin, ledning in dispute and a samordnare of the case lift and resolve", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        codes,
        codes,
        fc.constantFrom("case" as const, "routine" as const),
        fc.boolean(),
        (role, orgs, organisations, aboutKind, caseInScope) => {
          const may = mayActOnEscalation({ role, orgs }, { organisations, aboutKind }, caseInScope);
          const expected =
            role === "lan" || role === "admin"
              ? true
              : role === "ledning"
                ? organisations.some((o) => orgs.includes(o))
                : aboutKind === "case" && caseInScope;
          expect(may).toBe(expected);
        },
      ),
    );
  });
});
