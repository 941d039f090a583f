import {
  agreementStatuses,
  type CoverageAgreement,
  type CoverageOrganisation,
  coverage,
  defaultTargetGroups,
  type IsoDate,
  type MunicipalityCode,
  type OrganisationCode,
  principalTypes,
  stockholmsLan,
  type TargetGroupCode,
} from "@samsyn/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agreements, organisations } from "../../schema";
import { resetData, testDatabases, useMigratedDatabase } from "../../testing";
import { agreementCoverage } from "./coverage";

const municipalities = stockholmsLan.map((m) => m.code as MunicipalityCode).sort();
const statutory = defaultTargetGroups
  .filter((g) => g.statutory)
  .map((g) => g.code as TargetGroupCode)
  .sort();
const someMunicipalities = ["0180", "0182", "0184", "0186"] as MunicipalityCode[];
const someGroups = [...statutory.slice(0, 2), "demens" as TargetGroupCode];
const days = ["2025-12-31", "2026-01-01", "2026-06-30", "2026-12-03"] as IsoDate[];

/**
 * A county where coverage can happen often: kommuner of four municipalities (two for 0180), two
 * regions, a school and Försäkringskassan, and one organisation of any kind and municipality.
 */
const arbOrganisations: fc.Arbitrary<CoverageOrganisation[]> = fc
  .record({
    principalType: fc.constantFrom(...principalTypes),
    municipalityCode: fc.option(fc.constantFrom(...someMunicipalities), { nil: null }),
  })
  .map((random) => {
    const org = (
      code: string,
      principalType: CoverageOrganisation["principalType"],
      municipality: string | null,
    ): CoverageOrganisation => ({
      code: code as OrganisationCode,
      principalType,
      municipalityCode: municipality as MunicipalityCode | null,
    });
    return [
      org("k1", "kommun", "0180"),
      org("k1b", "kommun", "0180"),
      org("k2", "kommun", "0182"),
      org("k3", "kommun", "0184"),
      org("r1", "region", null),
      org("r2", "region", null),
      org("s1", "skola", "0182"),
      org("fk", "forsakringskassan", null),
      { code: "x" as OrganisationCode, ...random },
    ];
  });

const arbAgreement = (codes: readonly OrganisationCode[]): fc.Arbitrary<CoverageAgreement> =>
  fc
    .record({
      status: fc.oneof(fc.constant("active" as const), fc.constantFrom(...agreementStatuses)),
      validFrom: fc.constantFrom(...days),
      length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      parties: fc.subarray([...codes]),
      targetGroups: fc.subarray(someGroups),
      municipalities: fc.subarray(someMunicipalities),
    })
    .map(({ length, ...a }) => ({
      ...a,
      id: crypto.randomUUID(),
      validTo:
        length === null
          ? null
          : (new Date(Date.parse(`${a.validFrom}T00:00:00Z`) + length * 86_400_000)
              .toISOString()
              .slice(0, 10) as IsoDate),
    }));

/** In force on every day of `days`, all parties, some statutory groups and municipalities. */
function covering(codes: readonly OrganisationCode[]): CoverageAgreement {
  return {
    id: crypto.randomUUID(),
    status: "active",
    validFrom: "2025-01-01" as IsoDate,
    validTo: null,
    parties: [...codes],
    targetGroups: someGroups,
    municipalities: someMunicipalities,
  };
}

describe.each(testDatabases())(
  "agreement coverage SQL equals the domain reference on $name",
  (target) => {
    const database = useMigratedDatabase(target);
    const db = () => database().db;

    it("for random organisations, agreements and days", async () => {
      // Half the registers hold an agreement that covers cells for sure: random ones alone
      // covered nothing in 30 runs once (fast-check favours small, often empty, subarrays).
      const scenario = arbOrganisations.chain((orgs) =>
        fc.tuple(
          fc.constant(orgs),
          fc
            .tuple(fc.array(arbAgreement(orgs.map((o) => o.code)), { maxLength: 6 }), fc.boolean())
            .map(([random, withCovering]) =>
              withCovering ? [...random, covering(orgs.map((o) => o.code))] : random,
            ),
          fc.constantFrom(...days),
        ),
      );
      // Random registers must cover something, or the property would only compare empty matrices.
      let coveredCells = 0;
      await fc.assert(
        fc.asyncProperty(scenario, async ([orgs, register, asOf]) => {
          await resetData(db());
          await db()
            .insert(organisations)
            .values(orgs.map((o) => ({ ...o, name: o.code })));
          if (register.length > 0) {
            await db()
              .insert(agreements)
              .values(
                register.map((a, i) => ({
                  ...a,
                  title: `Överenskommelse ${i}`,
                  level: "lokal" as const,
                  reviewBy: "2026-11-30" as IsoDate,
                  sections: [],
                  revision: 1,
                })),
              );
          }
          const sql = await agreementCoverage(db(), asOf);
          const reference = coverage({
            asOf,
            municipalities,
            targetGroups: statutory,
            organisations: orgs,
            agreements: register,
          });
          expect(sql.targetGroups).toEqual(statutory);
          expect(sql.cells).toEqual(reference);
          coveredCells += reference.filter((c) => c.covered).length;
        }),
        { numRuns: 30 },
      );
      expect(coveredCells).toBeGreaterThan(0);
    }, 120_000);
  },
);
