import { describe, expect, it } from "vitest";
import type { Catalogues } from "../api/types";
import { describeScope } from "./scope";

const organisations: Catalogues["organisations"] = [
  { code: "K0181", name: "Södertälje kommun", principalType: "kommun", municipality: "0181" },
  { code: "K0180", name: "Stockholms stad", principalType: "kommun", municipality: "0180" },
  { code: "RS", name: "Region Stockholm", principalType: "region", municipality: null },
];

describe("the scope line", () => {
  it("names a ledning user's own organisations, by name, alphabetically", () => {
    expect(describeScope({ role: "ledning", orgs: ["K0181", "K0180"] }, null, organisations)).toBe(
      "Stockholms stad, Södertälje kommun",
    );
    expect(describeScope({ role: "ledning", orgs: ["K0181"] }, "own", organisations)).toBe(
      "Södertälje kommun",
    );
  });

  it("says the county, and whose comparison it is, when ledning chose the county view", () => {
    expect(describeScope({ role: "ledning", orgs: ["K0181"] }, "county", organisations)).toBe(
      "Hela länet, för jämförelse med egna organisationer (Södertälje kommun)",
    );
  });

  it("says the county for länsgrupp and admin, whatever the view", () => {
    expect(describeScope({ role: "lan", orgs: [] }, null, organisations)).toBe("Hela länet");
    expect(describeScope({ role: "admin", orgs: ["K0181"] }, "own", organisations)).toBe(
      "Hela länet",
    );
  });

  it("shows a code the catalogue does not name as the code, and says when there is none", () => {
    expect(describeScope({ role: "samordnare", orgs: ["X9"] }, null, organisations)).toBe("X9");
    expect(describeScope({ role: "samordnare", orgs: [] }, null, organisations)).toBe(
      "Inga organisationer",
    );
  });
});
