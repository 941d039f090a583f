import { t } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { listUnits } from "../../queries/organisations";
import { units } from "../../schema";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  useMigratedDatabase,
} from "../../testing";
import { createUnit, type NewUnit } from "./create-unit";

describe.each(testDatabases())("createUnit on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeAll(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  const admin = aScope("admin");
  const newUnit = (overrides: Partial<NewUnit> = {}): NewUnit => ({
    code: "solna_elevhalsa",
    name: "Elevhälsan Solna",
    organisation: "solna_stad",
    ...overrides,
  });
  const create = async (input: NewUnit, scope = admin) => {
    const before = await countAuditRows(db());
    const result = await createUnit(db(), scope, anAuditContext(scope), input);
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  };

  it("adds a unit to an organisation (admin)", async () => {
    expect(await create(newUnit())).toEqual({
      ok: true,
      value: { code: "solna_elevhalsa", name: "Elevhälsan Solna", organisation: "solna_stad" },
    });
    const solna = await listUnits(db(), aScope("ledning", ["solna_stad"]));
    expect(solna.map((u) => u.code)).toContain("solna_elevhalsa");
  });

  it("refuses an existing code as a conflict", async () => {
    expect(await create(newUnit({ code: "sthlm_soc" }))).toEqual({
      ok: false,
      error: "conflict",
      details: [{ path: "code", message: t("access.conflict.unitCode") }],
    });
  });

  it("screens every field and names the field only", async () => {
    const before = await db().$count(units);
    const result = await create(newUnit({ code: "u_121212-1212", name: "Enhet 191212121212" }));
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      details: [
        { path: "code", message: t("screening.identifierFound", { field: "code" }) },
        { path: "name", message: t("screening.identifierFound", { field: "name" }) },
      ],
    });
    expect(JSON.stringify(result)).not.toContain("1212");
    expect(await db().$count(units)).toBe(before);
  });

  it("refuses a bad code, a blank name and an unknown organisation", async () => {
    const result = await create(newUnit({ code: "har mellanslag", name: "  ", organisation: "x" }));
    expect(!result.ok && result.details?.map((d) => d.path)).toEqual([
      "code",
      "name",
      "organisation",
    ]);
  });

  it.each(["lan", "ledning", "samordnare"] as const)("refuses %s", async (role) => {
    const scope = aScope(role, ["solna_stad"]);
    expect(await create(newUnit({ code: `ny_${role}` }), scope)).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
