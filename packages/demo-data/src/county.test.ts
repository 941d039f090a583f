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

  it("gives every unit a Swedish name a reader knows it by, never its code", () => {
    for (const unit of county.units) {
      expect(unit.name, unit.code).not.toBe(unit.code);
      // A name has words in lower case (a code is capitals, digits and dashes).
      expect(unit.name, unit.code).toMatch(/[a-zåäö]{3}/);
      expect(unit.organisationName, unit.code).toMatch(/[a-zåäö]{3}/);
    }
    const named = (code: string) => county.units.find((u) => u.code === code)?.name;
    expect(named("RS-PSYK-SYDVAST")).toBe("Psykiatrisk öppenvård, Sydväst");
    expect(named("RS-VC-0181")).toBe("Vårdcentralen Södertälje");
    // Within one organisation, no two units share a name.
    const keys = county.units.map((u) => `${u.organisationCode}:${u.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
