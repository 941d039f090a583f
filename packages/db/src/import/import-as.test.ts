import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { listImports } from "../queries/imports";
import { selectRows } from "../queries/rows";
import {
  aCase,
  anAuditContext,
  anEvent,
  aRegionUnit,
  aScope,
  aUnit,
  type InterchangeFiles,
  resetData,
  stepEvents,
  testDatabases,
  testSecret,
  useMigratedDatabase,
  writeInterchange,
} from "../testing";
import { importAs } from "./import-as";
import { type ImportOptions, type ImportReport, importDirectory } from "./import-directory";

const nackaUnit = aUnit({
  unit_code: "nacka_socialtjanst",
  unit_name: "Socialtjänsten Nacka",
  organisation_code: "nacka_kommun",
  organisation_name: "Nacka kommun",
  municipality_code: "0182",
});

/** Stockholm's and the region's units, one Stockholm case with a region lead. */
function county(): InterchangeFiles {
  return {
    units: [aUnit(), aRegionUnit()],
    cases: [aCase()],
    events: [
      ...stepEvents("ARENDE-0001", "2024-03-01", [1, 2]),
      anEvent({ occurred_at: "2024-03-02", type: "join", step: "", unit_code: "rs_beroende" }),
    ],
  };
}

const stockholm = ["stockholms_stad"];

describe.each(testDatabases())("import options and importAs on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));

  async function run(
    files: InterchangeFiles,
    options: Omit<ImportOptions, "dir" | "secret"> = {},
  ): Promise<ImportReport> {
    const dir = await writeInterchange(files);
    return importDirectory(database(), { dir, secret: testSecret, ...options });
  }

  async function rejected(files: InterchangeFiles, options: Omit<ImportOptions, "dir" | "secret">) {
    const report = await run(files, options);
    if (report.ok) throw new Error("expected the import to be rejected");
    return report.errors.map(({ file, line, column, code }) => ({ file, line, column, code }));
  }

  /** Row counts of every table an import writes, the facts the metrics read included. */
  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of [
      "organisations",
      "units",
      "cases",
      "case_events",
      "case_facts",
      "case_codes",
      "imports",
      "audit_log",
    ]) {
      const [row] = await selectRows<{ n: number }>(
        database().db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
      );
      result[table] = row?.n ?? 0;
    }
    return result;
  }

  describe("dry run", () => {
    it("reports what a real import adds and skips, and leaves the database as it was", async () => {
      const first = county();
      const superset: InterchangeFiles = {
        units: [aUnit(), aRegionUnit(), nackaUnit],
        cases: [aCase(), aCase({ case_ref: "ARENDE-0002", initiating_unit: "nacka_socialtjanst" })],
        events: [
          ...(first.events as never[]),
          ...stepEvents("ARENDE-0002", "2024-04-01", [1, 2, 3]),
          // The same row twice in one file: two events, which only the insert can tell.
          anEvent({ case_ref: "ARENDE-0002", type: "sip", step: "", value: "established" }),
          anEvent({ case_ref: "ARENDE-0002", type: "sip", step: "", value: "established" }),
        ],
      };
      for (const files of [first, superset]) {
        const before = await counts();
        const check = await run(files, { dryRun: true });
        expect(await counts()).toEqual(before);
        const real = await run(files);
        if (!check.ok || !real.ok) throw new Error("both runs should succeed");
        expect(check.importId).toBeNull();
        expect(real.importId).toEqual(expect.any(Number));
        expect({ added: check.added, skipped: check.skipped }).toEqual({
          added: real.added,
          skipped: real.skipped,
        });
      }
      // The second pair really was a mix of new and present rows.
      const last = await run(superset, { dryRun: true });
      expect(last).toMatchObject({
        ok: true,
        added: { units: 0, cases: 0, events: 0 },
        skipped: { units: 3, cases: 2, events: 8 },
      });
    });

    it("reports the same per-row errors as a real import and changes nothing", async () => {
      const files = { ...county(), events: [anEvent({ occurred_at: "2024-02-30" })] };
      const before = await counts();
      const check = await run(files, { dryRun: true });
      const real = await run(files);
      expect(check).toEqual(real);
      expect(check).toMatchObject({ ok: false, errorCount: 1 });
      expect(await counts()).toEqual(before);
    });
  });

  describe("limited to the caller's organisations", () => {
    it("accepts units, cases and events of the caller's own organisations", async () => {
      const report = await run(
        {
          units: [aUnit()],
          cases: [aCase()],
          events: stepEvents("ARENDE-0001", "2024-03-01", [1]),
        },
        { allowedOrganisations: stockholm },
      );
      expect(report).toMatchObject({ ok: true, added: { units: 1, cases: 1, events: 1 } });
    });

    it("names the unit row of another organisation, in Swedish", async () => {
      const report = await run(
        { units: [aUnit(), aRegionUnit()] },
        { allowedOrganisations: stockholm },
      );
      if (report.ok) throw new Error("expected a rejection");
      expect(report.errors).toEqual([
        {
          file: "units.csv",
          line: 3,
          column: "organisation_code",
          code: "organisationOutsideScope",
          value: "region_stockholm",
          reason:
            "Organisationen är inte någon av dina organisationer. Du kan bara importera enheter i dina egna organisationer. Värdet i filen: ”region_stockholm”.",
        },
      ]);
    });

    it("refuses a case initiated at another organisation's unit, and its lead without consent", async () => {
      await run({ units: [aUnit(), aRegionUnit(), nackaUnit] });
      const errors = await rejected(
        {
          cases: [aCase(), aCase({ case_ref: "NACKA-1", initiating_unit: "nacka_socialtjanst" })],
          events: [
            anEvent(),
            anEvent({
              occurred_at: "2024-03-02",
              type: "lead",
              step: "",
              unit_code: "rs_beroende",
            }),
            anEvent({ case_ref: "NACKA-1" }),
          ],
        },
        { allowedOrganisations: stockholm },
      );
      expect(errors).toEqual([
        { file: "cases.csv", line: 3, column: "initiating_unit", code: "unitOutsideScope" },
        { file: "events.csv", line: 3, column: "unit_code", code: "consentRequired" },
      ]);
    });

    it("refuses events for a stored case the caller does not see, but not for one they take part in", async () => {
      await run({
        units: [aUnit(), aRegionUnit(), nackaUnit],
        cases: [
          aCase({ case_ref: "NACKA-1", initiating_unit: "nacka_socialtjanst" }),
          aCase({ case_ref: "REGION-1", initiating_unit: "rs_beroende" }),
        ],
        events: [
          anEvent({
            case_ref: "REGION-1",
            type: "join",
            step: "",
            unit_code: "stockholm_socialtjanst",
          }),
        ],
      });
      const errors = await rejected(
        {
          events: [
            anEvent({ case_ref: "REGION-1", occurred_at: "2024-03-05", step: "2" }),
            anEvent({ case_ref: "NACKA-1", occurred_at: "2024-03-05", step: "2" }),
          ],
        },
        { allowedOrganisations: stockholm },
      );
      // Out of sight is unknown: a code of its own would tell that the ref exists.
      expect(errors).toEqual([
        { file: "events.csv", line: 3, column: "case_ref", code: "unknownCase" },
      ]);
      // A case in sight through participation takes new events.
      const visible = await run(
        { events: [anEvent({ case_ref: "REGION-1", occurred_at: "2024-03-05", step: "2" })] },
        { allowedOrganisations: stockholm },
      );
      expect(visible).toMatchObject({ ok: true, added: { events: 1 } });
    });

    it("refuses every unit when the caller has no organisation", async () => {
      const errors = await rejected({ units: [aUnit()] }, { allowedOrganisations: [] });
      expect(errors.map((e) => e.code)).toEqual(["organisationOutsideScope"]);
    });

    it("puts no limit on an import without allowedOrganisations (admin, CLI)", async () => {
      const report = await run({ ...county(), units: [aUnit(), aRegionUnit(), nackaUnit] });
      expect(report).toMatchObject({ ok: true, added: { units: 3 } });
    });

    it("gives the reasons in English when asked", async () => {
      const report = await run(
        { units: [aRegionUnit()] },
        { allowedOrganisations: stockholm, locale: "en" },
      );
      if (report.ok) throw new Error("expected a rejection");
      expect(report.errors[0]?.reason).toBe(
        "The organisation is not one of yours. You can only import units of your own organisations. The value in the file: “region_stockholm”.",
      );
    });
  });

  describe("importAs", () => {
    const admin = aScope("admin", [], "ada");
    const samordnare = aScope("samordnare", stockholm, "sam");

    async function asUser(
      scope: ReturnType<typeof aScope>,
      files: InterchangeFiles,
      dryRun = false,
    ) {
      const dir = await writeInterchange(files);
      return importAs(database(), scope, anAuditContext(scope), {
        dir,
        secret: testSecret,
        dryRun,
      });
    }

    function auditRows() {
      return selectRows<Record<string, unknown>>(
        database().db,
        sql`SELECT actor, action, object_type, object_id, outcome, details FROM audit_log ORDER BY id`,
      );
    }

    it.each(["lan", "ledning"] as const)("refuses %s and records the refusal", async (role) => {
      const result = await asUser(aScope(role, stockholm), county());
      expect(result).toEqual({ ok: false, error: "forbidden" });
      expect(await counts()).toMatchObject({ units: 0, imports: 0, audit_log: 1 });
      expect(await auditRows()).toEqual([
        expect.objectContaining({ action: "import.commit", outcome: "denied" }),
      ]);
    });

    it("audits a check, a commit in its transaction and a rejected commit, with counts only", async () => {
      const files: InterchangeFiles = { units: [aUnit()], cases: [aCase()], events: [anEvent()] };
      expect(await asUser(samordnare, files, true)).toMatchObject({ ok: true });
      const committed = await asUser(samordnare, files);
      if (!committed.ok || !committed.value.ok) throw new Error("the commit should succeed");
      await asUser(samordnare, { ...files, units: [aRegionUnit()] });
      const counts = {
        unitsAdded: 1,
        casesAdded: 1,
        eventsAdded: 1,
        unitsSkipped: 0,
        casesSkipped: 0,
        eventsSkipped: 0,
      };
      expect(await auditRows()).toEqual([
        {
          actor: "sam",
          action: "import.check",
          object_type: "import",
          object_id: null,
          outcome: "ok",
          details: counts,
        },
        {
          actor: "sam",
          action: "import.commit",
          object_type: "import",
          object_id: String(committed.value.importId),
          outcome: "ok",
          details: counts,
        },
        {
          actor: "sam",
          action: "import.commit",
          object_type: "import",
          object_id: null,
          outcome: "invalid",
          details: { errorCount: 1 },
        },
      ]);
      const [recorded] = await selectRows<{ actor: string }>(
        database().db,
        sql`SELECT actor FROM imports`,
      );
      expect(recorded?.actor).toBe("sam");
    });

    it("limits a samordnare to their organisations and lets admin import anything", async () => {
      const files = { ...county(), units: [aUnit(), aRegionUnit(), nackaUnit] };
      const limited = await asUser(samordnare, files);
      expect(limited).toMatchObject({ ok: true, value: { ok: false } });
      const unlimited = await asUser(admin, files);
      expect(unlimited).toMatchObject({ ok: true, value: { ok: true, added: { units: 3 } } });
    });

    it("lists imports: all for admin, their own for a samordnare, none for other roles", async () => {
      await asUser(admin, county());
      await asUser(samordnare, { units: [aUnit()], cases: [aCase({ case_ref: "NY-1" })] });
      const all = await listImports(database().db, admin, { limit: 10 });
      expect(all.ok && all.value.map((i) => i.actor)).toEqual(["sam", "ada"]);
      const own = await listImports(database().db, samordnare, { limit: 10 });
      expect(own.ok && own.value).toEqual([
        expect.objectContaining({
          actor: "sam",
          added: { units: 0, cases: 1, events: 0 },
          skipped: { units: 1, cases: 0, events: 0 },
        }),
      ]);
      expect(await listImports(database().db, aScope("lan"), { limit: 10 })).toEqual({
        ok: false,
        error: "forbidden",
      });
    });
  });
});
