import { type Scope, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "../../queries/cases";
import { hashCaseRef } from "../../ref-hash";
import { cases } from "../../schema";
import {
  anAuditContext,
  aScope,
  countAuditRows,
  importExampleCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../../testing";
import { createCase, type NewCase } from "./create-case";

const prefixOf = (ref: string) => hashCaseRef(testSecret, ref).toString("hex").slice(0, 8);
const personnummer = "19121212-1212";

describe.each(testDatabases())("createCase on $name", (target) => {
  const database = useMigratedDatabase(target);
  const db = () => database().db;

  beforeAll(async () => {
    await resetData(db());
    await importExampleCounty(database());
  });

  /** Runs a call and checks that it wrote exactly one audit row. */
  async function once<T>(call: () => Promise<T>): Promise<T> {
    const before = await countAuditRows(db());
    const result = await call();
    expect(await countAuditRows(db())).toBe(before + 1);
    return result;
  }

  const samordnare = aScope("samordnare", ["stockholms_stad"]);
  const newCase = (overrides: Partial<NewCase> = {}): NewCase => ({
    ref: "NY-0001",
    process: "sip",
    targetGroup: "npf_adhd",
    ageGroup: "barn",
    municipality: "0180",
    openedOn: "2024-06-01",
    initiatingUnit: "sthlm_beroende",
    ...overrides,
  });
  const create = (input: NewCase, scope: Scope = samordnare) =>
    once(() => createCase(db(), scope, anAuditContext(scope), input, testSecret));

  it("stores the case with its ref only as the keyed hash, and then shows it", async () => {
    const created = await create(newCase({ ref: "NY-STORED" }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await db().select().from(cases).where(sql`id = ${created.value.id}`);
    expect(Buffer.from(row?.refHash ?? []).equals(hashCaseRef(testSecret, "NY-STORED"))).toBe(true);
    const detail = await getCase(db(), samordnare, anAuditContext(samordnare), created.value.id);
    expect(detail).toMatchObject({ ok: true, value: { refHashPrefix: prefixOf("NY-STORED") } });
  });

  it("refuses a second case with the same ref as a conflict", async () => {
    expect((await create(newCase({ ref: "NY-TWICE" }))).ok).toBe(true);
    const again = await create(newCase({ ref: "NY-TWICE", targetGroup: "demens" }));
    expect(again).toEqual({
      ok: false,
      error: "conflict",
      details: [{ path: "ref", message: t("access.conflict.caseRef") }],
    });
  });

  it("refuses a ref holding a personnummer, naming the field and never the number", async () => {
    const before = await db().$count(cases);
    const result = await create(newCase({ ref: `Ärende ${personnummer}` }));
    expect(result).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path: "ref", message: t("screening.identifierFound", { field: "ref" }) }],
    });
    expect(JSON.stringify(result)).not.toContain("1212");
    expect(await db().$count(cases)).toBe(before);
  });

  it("checks codes against the stored catalogues", async () => {
    const result = await create(
      newCase({ process: "okand", targetGroup: "okand", municipality: "9999", ageGroup: "ung" }),
    );
    expect(!result.ok && result.error).toBe("invalid");
    expect(!result.ok && result.details?.map((d) => d.path).sort()).toEqual([
      "ageGroup",
      "municipality",
      "process",
      "targetGroup",
    ]);
    const unknownUnit = await create(newCase({ initiatingUnit: "finns_inte" }));
    expect(unknownUnit).toEqual({
      ok: false,
      error: "invalid",
      details: [{ path: "initiatingUnit", message: t("access.invalid.unknownUnit") }],
    });
  });

  it("lets a samordnare register cases only at their own organisations' units", async () => {
    const result = await create(newCase({ ref: "NY-REGION", initiatingUnit: "rs_beroende" }));
    expect(result).toEqual({ ok: false, error: "forbidden" });
  });

  it.each(["admin", "ledning", "lan"] as const)("refuses %s", async (role) => {
    const scope = aScope(role, ["stockholms_stad"]);
    expect(await create(newCase({ ref: `NY-${role}` }), scope)).toEqual({
      ok: false,
      error: "forbidden",
    });
  });
});
