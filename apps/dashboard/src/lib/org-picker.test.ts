import { describe, expect, it } from "vitest";
import { groupOrganisations, matchesSearch } from "./org-picker";

const principalTypes = [
  { code: "kommun", name: "Kommun" },
  { code: "region", name: "Region" },
  { code: "skola", name: "Skola" },
];

const organisations = [
  { code: "S0182-LIND", name: "Lindskolan (Nacka)", principalType: "skola" },
  { code: "K0182", name: "Nacka kommun", principalType: "kommun" },
  { code: "K0117", name: "Österåkers kommun", principalType: "kommun" },
  { code: "RS", name: "Region Stockholm", principalType: "region" },
  { code: "K0181", name: "Södertälje kommun", principalType: "kommun" },
  { code: "K0114", name: "Upplands Väsby kommun", principalType: "kommun" },
  { code: "X1", name: "Okänd huvudman", principalType: "ny_typ" },
];

describe("groupOrganisations", () => {
  it("groups by principal type in the catalogue's order, named, sorted in Swedish within", () => {
    const groups = groupOrganisations(organisations, principalTypes, "");
    expect(groups.map((g) => g.name)).toEqual(["Kommun", "Region", "Skola", "ny_typ"]);
    expect(groups[0]?.organisations.map((o) => o.name)).toEqual([
      "Nacka kommun",
      "Södertälje kommun",
      "Upplands Väsby kommun",
      "Österåkers kommun",
    ]);
  });

  it("keeps only the matches and leaves out groups with none", () => {
    const groups = groupOrganisations(organisations, principalTypes, "nacka");
    expect(groups.map((g) => [g.principalType, g.organisations.map((o) => o.code)])).toEqual([
      ["kommun", ["K0182"]],
      ["skola", ["S0182-LIND"]],
    ]);
    expect(groupOrganisations(organisations, principalTypes, "ingen sådan")).toEqual([]);
  });
});

describe("matchesSearch", () => {
  const sodertalje = { code: "K0181", name: "Södertälje kommun", principalType: "kommun" };

  it("finds by name regardless of case and accents, and by code", () => {
    expect(matchesSearch(sodertalje, "SÖDER")).toBe(true);
    expect(matchesSearch(sodertalje, "sodertalje")).toBe(true);
    expect(matchesSearch(sodertalje, "k0181")).toBe(true);
    expect(matchesSearch(sodertalje, "K0182")).toBe(false);
  });

  it("needs every word, in any order", () => {
    expect(matchesSearch(sodertalje, "kommun söder")).toBe(true);
    expect(matchesSearch(sodertalje, "kommun nacka")).toBe(false);
    expect(matchesSearch(sodertalje, "   ")).toBe(true);
  });
});
