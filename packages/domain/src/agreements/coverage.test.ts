import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate, MunicipalityCode, OrganisationCode, TargetGroupCode } from "../codes";
import { agreementStatuses } from "./agreement";
import { type CoverageAgreement, type CoverageOrganisation, coverage } from "./coverage";

const m = (code: string) => code as MunicipalityCode;
const o = (code: string) => code as OrganisationCode;
const g = (code: string) => code as TargetGroupCode;
const d = (date: string) => date as IsoDate;

const organisations: CoverageOrganisation[] = [
  { code: o("solna"), principalType: "kommun", municipalityCode: m("0184") },
  { code: o("nacka"), principalType: "kommun", municipalityCode: m("0182") },
  { code: o("nacka_skola"), principalType: "skola", municipalityCode: m("0182") },
  { code: o("region"), principalType: "region", municipalityCode: null },
  { code: o("fk"), principalType: "forsakringskassan", municipalityCode: null },
];
const municipalities = [m("0184"), m("0182")];
const targetGroups = [g("missbruk"), g("psykisk")];
const asOf = d("2026-12-03");

function agreement(over: Partial<CoverageAgreement> = {}): CoverageAgreement {
  return {
    id: "a1",
    status: "active",
    validFrom: d("2026-01-01"),
    validTo: null,
    parties: [o("solna"), o("region")],
    targetGroups: [g("missbruk")],
    municipalities: [m("0184")],
    ...over,
  };
}

const covered = (agreements: CoverageAgreement[], on: IsoDate = asOf) =>
  coverage({ asOf: on, municipalities, targetGroups, organisations, agreements })
    .filter((c) => c.covered)
    .map((c) => `${c.municipality}/${c.targetGroup}:${c.agreements.join("+")}`);

describe("coverage of kommun × statutory målgrupp", () => {
  it("has one cell per municipality and target group, in their order, all open without agreements", () => {
    const cells = coverage({ asOf, municipalities, targetGroups, organisations, agreements: [] });
    expect(cells.map((c) => `${c.municipality}/${c.targetGroup}`)).toEqual([
      "0184/missbruk",
      "0184/psykisk",
      "0182/missbruk",
      "0182/psykisk",
    ]);
    expect(cells.every((c) => !c.covered && c.agreements.length === 0)).toBe(true);
  });

  it("covers the cells an agreement in force between the kommun and a region names", () => {
    expect(covered([agreement()])).toEqual(["0184/missbruk:a1"]);
    expect(covered([agreement({ status: "under_review" })])).toEqual(["0184/missbruk:a1"]);
  });

  it("covers nothing without the cell's own kommun, without a region, or for another kommun's name", () => {
    expect(covered([agreement({ parties: [o("region"), o("nacka")] })])).toEqual([]);
    expect(covered([agreement({ parties: [o("solna"), o("fk")] })])).toEqual([]);
    // A school of the kommun is not the kommun.
    expect(
      covered([
        agreement({ parties: [o("nacka_skola"), o("region")], municipalities: [m("0182")] }),
      ]),
    ).toEqual([]);
  });

  it("counts validity by the day: from validFrom through validTo, both included", () => {
    const a = agreement({ validFrom: d("2026-12-03"), validTo: d("2026-12-31") });
    expect(covered([a], d("2026-12-02"))).toEqual([]);
    expect(covered([a], d("2026-12-03"))).toEqual(["0184/missbruk:a1"]);
    expect(covered([a], d("2026-12-31"))).toEqual(["0184/missbruk:a1"]);
    expect(covered([a], d("2027-01-01"))).toEqual([]);
  });

  it("covers nothing with a draft, expired or replaced agreement", () => {
    for (const status of ["draft", "expired", "replaced"] as const) {
      expect(covered([agreement({ status })])).toEqual([]);
    }
  });

  it("never uncovers a cell when an agreement is added, and lists every covering agreement", () => {
    const arbitraryAgreement = fc.record({
      id: fc.constantFrom("a", "b", "c", "d"),
      status: fc.constantFrom(...agreementStatuses),
      validFrom: fc.constantFrom(d("2025-01-01"), d("2026-12-03"), d("2026-12-04")),
      validTo: fc.constantFrom(null, d("2026-12-02"), d("2026-12-03"), d("2027-12-31")),
      parties: fc.subarray(organisations.map((x) => x.code)),
      targetGroups: fc.subarray([...targetGroups, g("annan")]),
      municipalities: fc.subarray([...municipalities, m("0180")]),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryAgreement, { maxLength: 4 }),
        arbitraryAgreement,
        (some, extra) => {
          const before = coverage({
            asOf,
            municipalities,
            targetGroups,
            organisations,
            agreements: some,
          });
          const after = coverage({
            asOf,
            municipalities,
            targetGroups,
            organisations,
            agreements: [...some, extra],
          });
          expect(after).toHaveLength(municipalities.length * targetGroups.length);
          after.forEach((cell, i) => {
            const was = before[i];
            if (was?.covered) expect(cell.covered).toBe(true);
            expect(cell.covered).toBe(cell.agreements.length > 0);
            expect([...cell.agreements].sort()).toEqual(cell.agreements);
          });
        },
      ),
    );
  });
});
