import { type Role, roles, type Scope } from "@samsyn/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { metricAccess } from "./parameters";

const arbScope: fc.Arbitrary<Scope> = fc.record({
  sub: fc.string({ minLength: 1 }),
  role: fc.constantFrom<Role>(...roles),
  orgs: fc.uniqueArray(fc.stringMatching(/^[a-z]{2,6}$/), { maxLength: 4 }),
});

describe("metricAccess: whose cases a metric counts (SPEC 'Roles and scope')", () => {
  it("gives admin and länsgrupp the county whatever they ask", () => {
    fc.assert(
      fc.property(
        arbScope,
        fc.constantFrom(undefined, "own", "county" as const),
        (scope, asked) => {
          fc.pre(scope.role === "admin" || scope.role === "lan");
          expect(metricAccess(scope, asked)).toEqual({ view: "county", restriction: undefined });
        },
      ),
    );
  });

  it("restricts ledning and samordnare to their own organisations unless they ask for the county", () => {
    fc.assert(
      fc.property(arbScope, fc.constantFrom(undefined, "own" as const), (scope, asked) => {
        fc.pre(scope.role === "ledning" || scope.role === "samordnare");
        expect(metricAccess(scope, asked)).toEqual({
          view: "own",
          restriction: { organisations: scope.orgs },
        });
        expect(metricAccess(scope, "county")).toEqual({ view: "county", restriction: undefined });
      }),
    );
  });
});
