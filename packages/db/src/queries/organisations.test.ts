import type { Role } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aScope,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../testing";
import { listOrganisations, listUnits } from "./organisations";

const allUnits = ["rs_beroende", "rs_psyk", "solna_soc", "sthlm_beroende", "sthlm_soc"];

describe.each(testDatabases())("organisation queries on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeAll(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  it.each(["admin", "lan", "ledning", "samordnare"] as const)(
    "lists every organisation for %s: the structure is not personal data",
    async (role) => {
      const list = await listOrganisations(db(), aScope(role, ["solna_stad"]));
      expect(list.map((o) => o.code)).toEqual([
        "region_stockholm",
        "solna_stad",
        "stockholms_stad",
      ]);
      expect(list[1]).toEqual({
        code: "solna_stad",
        name: "Solna stad",
        principalType: "kommun",
        municipality: "0184",
      });
    },
  );

  it.each([
    ["admin", ["solna_stad"], allUnits],
    ["lan", [], allUnits],
    ["ledning", ["solna_stad"], ["solna_soc"]],
    ["samordnare", ["region_stockholm", "solna_stad"], ["rs_beroende", "rs_psyk", "solna_soc"]],
    ["samordnare", [], []],
  ] as const)("lists units for %s of %j", async (role: Role, orgs, expected) => {
    const list = await listUnits(db(), aScope(role, orgs));
    expect(list.map((u) => u.code)).toEqual(expected);
  });
});
