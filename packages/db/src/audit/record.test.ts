import { organisationCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createCase } from "../operations/cases/create-case";
import { selectRows } from "../queries/rows";
import { cases, organisations } from "../schema";
import {
  anAuditContext,
  aScope,
  aUnit,
  countAuditRows,
  importCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
} from "../testing";
import { type AuditContext, anonymousAuditContext } from "./context";
import { audited, recordDenied } from "./record";

const samordnare = aScope("samordnare", ["stockholms_stad"], "anna");

/** An empty actor breaks the audit table's CHECK: the audit insert of this context fails. */
const unauditable: AuditContext = { actor: "", role: "samordnare", requestId: "req-broken" };

describe.each(testDatabases())("audited actions on $name", (target) => {
  const database = useMigratedDatabase(target);

  beforeEach(() => resetData(database().db));

  it("commits the work and its audit row together", async () => {
    const { db } = database();
    const ctx = anAuditContext(samordnare);
    const result = await audited(db, ctx, async (tx) => {
      await tx.insert(organisations).values(anOrganisation());
      return {
        result: "done",
        audit: {
          action: "unit.create",
          objectType: "unit",
          objectId: "x",
          outcome: "ok",
          details: { caseIds: [1, 2], filter: "0180" },
        },
      };
    });
    expect(result).toBe("done");
    expect(await db.$count(organisations)).toBe(1);
    const rows = await selectRows<Record<string, unknown>>(
      db,
      sql`SELECT actor, role, request_id, scope_orgs, jsonb_typeof(details) AS details_type,
        details->'caseIds' AS case_ids FROM audit_log`,
    );
    expect(rows).toEqual([
      {
        actor: "anna",
        role: "samordnare",
        request_id: ctx.requestId,
        scope_orgs: ["stockholms_stad"],
        details_type: "object",
        case_ids: [1, 2],
      },
    ]);
  });

  it("rolls the work back when the audit row cannot be written (fail closed)", async () => {
    const { db } = database();
    const action = audited(db, unauditable, async (tx) => {
      await tx.insert(organisations).values(anOrganisation());
      return {
        result: "done",
        audit: { action: "unit.create", objectType: "unit", objectId: "x", outcome: "ok" },
      };
    });
    await expect(action).rejects.toThrow();
    expect(await db.$count(organisations)).toBe(0);
    expect(await countAuditRows(db)).toBe(0);
  });

  it("stores no case when createCase cannot audit it", async () => {
    const county = database();
    await importCounty(county, { units: [aUnit()] });
    const input = {
      ref: "ARENDE-1",
      process: "sip",
      targetGroup: "samsjuklighet",
      ageGroup: "vuxen",
      municipality: "0180",
      openedOn: "2024-05-01",
      initiatingUnit: "stockholm_socialtjanst",
    };
    const attempt = createCase(county.db, samordnare, unauditable, input, testSecret);
    await expect(attempt).rejects.toThrow();
    expect(await county.db.$count(cases)).toBe(0);
    // The same request with a working audit context goes through: only the audit row failed.
    const created = await createCase(
      county.db,
      samordnare,
      anAuditContext(samordnare),
      input,
      testSecret,
    );
    expect(created.ok).toBe(true);
    expect(await countAuditRows(county.db)).toBe(1);
  });

  it("records denied attempts, also without a token", async () => {
    const { db } = database();
    await recordDenied(db, anonymousAuditContext("req-401"), {
      action: "case.list",
      objectType: "case_list",
      objectId: null,
      outcome: "unauthenticated",
    });
    await recordDenied(db, anAuditContext(aScope("ledning", ["region_stockholm"])), {
      action: "case.read",
      objectType: "case",
      objectId: "17",
      outcome: "denied",
    });
    const rows = await selectRows<Record<string, unknown>>(
      db,
      sql`SELECT actor, role, action, object_id, outcome, request_id, scope_orgs
        FROM audit_log ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        actor: "anonymous",
        role: "anonymous",
        action: "case.list",
        object_id: null,
        outcome: "unauthenticated",
        request_id: "req-401",
        scope_orgs: null,
      },
      expect.objectContaining({
        actor: "ledning-user",
        role: "ledning",
        object_id: "17",
        outcome: "denied",
        scope_orgs: ["region_stockholm"],
      }),
    ]);
  });
});

function anOrganisation() {
  return {
    code: organisationCode.parse("org_x"),
    name: "Organisation X",
    principalType: "privat" as const,
    municipalityCode: null,
  };
}
