import { principalTypes, stockholmsLan, unitCode } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { buildDemoCounty } from "./county";
import { kommunRoles, privateRoles, regionRoles } from "./county-data";

const county = buildDemoCounty();

describe("buildDemoCounty", () => {
  it("has every kommun of Stockholms län with its SCB code and population", () => {
    expect(county.municipalities.map((m) => m.code)).toEqual(stockholmsLan.map((m) => m.code));
    const largest = [...county.municipalities].sort((a, b) => b.population - a.population)[0];
    expect(largest?.name).toBe("Stockholm");
  });

  it("gives units unique, well-formed codes and all six principal types", () => {
    const codes = county.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(unitCode.safeParse(code).success).toBe(true);
    expect(new Set(county.units.map((u) => u.principalType))).toEqual(new Set(principalTypes));
  });

  it("places kommun and skola units in a kommun, and no other unit", () => {
    for (const unit of county.units) {
      const local = unit.principalType === "kommun" || unit.principalType === "skola";
      expect(unit.municipalityCode !== null).toBe(local);
      if (local) expect(unit.organisationCode).toContain(unit.municipalityCode);
    }
  });

  it("serves every kommun with each kind of unit a case may need", () => {
    const roles = [
      ...kommunRoles,
      ...regionRoles,
      ...privateRoles,
      "primarvard",
      "elevhalsa",
      "forsakringskassan",
      "arbetsformedlingen",
    ] as const;
    for (const { code } of stockholmsLan) {
      for (const role of roles)
        expect(county.unitsFor(code, role).length, `${code} ${role}`).toBeGreaterThan(0);
    }
  });

  it("names units the way the county does", () => {
    const names = county.units.map((u) => u.name);
    expect(names).toContain("Beroendeenheten");
    expect(names).toContain("Psykiatrisk öppenvård, Södra Stockholm");
    expect(county.units.find((u) => u.code === "K0180-SODERMALM-BEROENDE")?.organisationName).toBe(
      "Stockholms stad",
    );
    expect(county.units.find((u) => u.code === "RS-PSYK-SODRA")?.principalType).toBe("region");
  });
});
