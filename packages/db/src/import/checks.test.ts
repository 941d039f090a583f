import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "../queries/rows";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type EventRecord,
  type InterchangeFiles,
  importCounty,
  resetData,
  testDatabases,
  testSecret,
  useMigratedDatabase,
  writeInterchange,
} from "../testing";
import { type ImportOptions, type ImportReport, importDirectory } from "./import-directory";

/**
 * The scope checks of an import limited to a samordnare's organisations (here Stockholm's): what
 * it answers about refs out of the caller's sight, and the consent rule for `lead` and `join`.
 */
const stockholm = { allowedOrganisations: ["stockholms_stad"] };
const solnaUnit = aUnit({
  unit_code: "solna_soc",
  unit_name: "Socialtjänsten Solna",
  organisation_code: "solna_stad",
  organisation_name: "Solna stad",
  municipality_code: "0184",
});
const stockholmBeroende = aUnit({
  unit_code: "stockholm_beroende",
  unit_name: "Beroendeenheten Stockholm",
});

/** An event row of `ref`: a date, a type and the columns that type carries. */
const event = (ref: string, occurredAt: string, fields: Partial<EventRecord>) =>
  anEvent({ case_ref: ref, occurred_at: occurredAt, step: "", ...fields });

describe.each(testDatabases())("scope checks of a limited import on $name", (target) => {
  const database = useMigratedDatabase(target);

  /** Stored by admin: Stockholm's case OWN-1, and the region's SIP case HIDDEN-1. */
  beforeEach(async () => {
    await resetData(database().db);
    await importCounty(database(), {
      units: [aUnit(), stockholmBeroende, aRegionUnit(), solnaUnit],
      cases: [
        aCase({ case_ref: "OWN-1", opened_on: "2024-03-01" }),
        aCase({
          case_ref: "HIDDEN-1",
          process: "sip",
          initiating_unit: "rs_beroende",
          opened_on: "2024-03-01",
        }),
      ],
      events: [event("HIDDEN-1", "2024-03-01", { type: "consent", value: "given" })],
    });
  });

  async function run(files: InterchangeFiles, options: Partial<ImportOptions> = stockholm) {
    const dir = await writeInterchange(files);
    return importDirectory(database(), { dir, secret: testSecret, ...options });
  }

  const errorsOf = (report: ImportReport) =>
    report.ok ? [] : report.errors.map(({ line, column, code }) => ({ line, column, code }));

  describe("a ref out of sight", () => {
    const rows: readonly [string, Partial<EventRecord>][] = [
      ["a step", { type: "step", step: "1" }],
      // Step 10 is not in the SIP process of HIDDEN-1: it must not show through.
      ["a step outside a process", { type: "step", step: "10" }],
      ["a lead of another organisation's unit", { type: "lead", unit_code: "solna_soc" }],
      ["a join of an own unit", { type: "join", unit_code: "stockholm_socialtjanst" }],
      ["a consent", { type: "consent", value: "withdrawn" }],
    ];

    it.each(rows)("is answered as a ref that exists nowhere, for %s", async (_, fields) => {
      for (const locale of ["sv", "en"] as const) {
        const hidden = await run(
          { events: [event("HIDDEN-1", "2024-03-05", fields)] },
          { ...stockholm, locale },
        );
        const nowhere = await run(
          { events: [event("NOWHERE-1", "2024-03-05", fields)] },
          { ...stockholm, locale },
        );
        expect(hidden).toEqual(nowhere);
        expect(errorsOf(hidden)).toContainEqual({
          line: 2,
          column: "case_ref",
          code: "unknownCase",
        });
      }
    });

    it("is answered alike among rows of the caller's own case, in a dry run as in a commit", async () => {
      const files = (ref: string): InterchangeFiles => ({
        events: [
          event("OWN-1", "2024-03-02", { type: "step", step: "1" }),
          event(ref, "2024-03-03", { type: "step", step: "10" }),
          event("OWN-1", "2024-03-04", { type: "step", step: "12" }),
        ],
      });
      for (const dryRun of [true, false]) {
        const hidden = await run(files("HIDDEN-1"), { ...stockholm, dryRun });
        const nowhere = await run(files("NOWHERE-1"), { ...stockholm, dryRun });
        expect(hidden).toEqual(nowhere);
        expect(errorsOf(hidden)).toEqual([
          { line: 3, column: "case_ref", code: "unknownCase" },
          { line: 4, column: "step", code: "stepNotInProcess" },
        ]);
      }
    });

    it("is still judged in full for admin, who sees every case", async () => {
      const report = await run(
        { events: [event("HIDDEN-1", "2024-03-05", { type: "step", step: "10" })] },
        {},
      );
      expect(errorsOf(report)).toEqual([{ line: 2, column: "step", code: "stepNotInProcess" }]);
    });
  });

  describe("a ref another organisation uses", () => {
    const caseRows = (ref: string): InterchangeFiles => ({
      cases: [aCase({ case_ref: ref, opened_on: "2024-03-02" })],
      events: [event(ref, "2024-03-02", { type: "step", step: "1" })],
    });
    const casesOf = () =>
      selectRows<{ org: string; n: number }>(
        database().db,
        sql`SELECT organisation_code AS org, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 1`,
      );

    it("is a new case of the caller's, answered exactly as a ref used nowhere", async () => {
      const before = await casesOf();
      const used = await run(caseRows("HIDDEN-1"), { ...stockholm, dryRun: true });
      const nowhere = await run(caseRows("NOWHERE-1"), { ...stockholm, dryRun: true });
      expect(used).toEqual(nowhere);
      expect(used).toMatchObject({ ok: true, added: { cases: 1, events: 1 } });
      expect(await run(caseRows("HIDDEN-1"))).toMatchObject({ ok: true });
      // The region's HIDDEN-1 is untouched; Stockholm has a HIDDEN-1 of its own, with its event.
      expect(await casesOf()).toEqual(
        before.map((r) => (r.org === "stockholms_stad" ? { ...r, n: Number(r.n) + 1 } : r)),
      );
      const own = await selectRows(
        database().db,
        sql`SELECT count(*)::int AS n FROM case_events e
          JOIN cases c ON c.id = e.case_id WHERE c.organisation_code = 'stockholms_stad'`,
      );
      expect(own).toEqual([{ n: 1 }]);
    });

    it("names the case in the caller's sight; for admin, who sees both, it is ambiguous", async () => {
      await run(caseRows("HIDDEN-1"));
      const next = { events: [event("HIDDEN-1", "2024-03-06", { type: "step", step: "2" })] };
      expect(await run(next, { ...stockholm, dryRun: true })).toMatchObject({
        ok: true,
        added: { events: 1 },
      });
      expect(errorsOf(await run(next, {}))).toEqual([
        { line: 2, column: "case_ref", code: "ambiguousCase" },
      ]);
    });

    it("gives two organisations' rows of one ref in one file two cases", async () => {
      const report = await run(
        {
          cases: [
            aCase({ case_ref: "SHARED-1" }),
            aCase({ case_ref: "SHARED-1", process: "sip", initiating_unit: "rs_beroende" }),
          ],
        },
        {},
      );
      expect(report).toMatchObject({ ok: true, added: { cases: 2 } });
      // …and re-importing them changes nothing.
      expect(
        await run(
          {
            cases: [
              aCase({ case_ref: "SHARED-1" }),
              aCase({ case_ref: "SHARED-1", process: "sip", initiating_unit: "rs_beroende" }),
            ],
          },
          {},
        ),
      ).toMatchObject({ ok: true, added: { cases: 0 } });
    });
  });

  describe("the consent rule", () => {
    const join = (ref: string, on: string, unit: string) =>
      event(ref, on, { type: "join", unit_code: unit });
    const lead = (ref: string, on: string, unit: string) =>
      event(ref, on, { type: "lead", unit_code: unit });
    const consent = (ref: string, on: string, value: string) =>
      event(ref, on, { type: "consent", value });

    it("refuses a lead or join of another huvudman until consent is given, and after it is withdrawn", async () => {
      const report = await run({
        events: [
          join("OWN-1", "2024-03-02", "rs_beroende"),
          consent("OWN-1", "2024-03-03", "given"),
          join("OWN-1", "2024-03-04", "rs_beroende"),
          lead("OWN-1", "2024-03-05", "solna_soc"),
          consent("OWN-1", "2024-03-06", "withdrawn"),
          // The region joined with consent, but a withdrawal ends its share of the case.
          lead("OWN-1", "2024-03-07", "rs_beroende"),
          // Solna leads: it holds the case already, withdrawn or not.
          join("OWN-1", "2024-03-08", "solna_soc"),
          join("OWN-1", "2024-03-09", "stockholm_beroende"),
        ],
      });
      expect(errorsOf(report)).toEqual([
        { line: 2, column: "unit_code", code: "consentRequired" },
        { line: 7, column: "unit_code", code: "consentRequired" },
      ]);
      expect(report.ok ? "" : report.errors[0]?.reason).toMatch(/samtycke/);
    });

    it("refuses it after a declined consent too", async () => {
      const report = await run({
        events: [
          consent("OWN-1", "2024-03-02", "declined"),
          join("OWN-1", "2024-03-03", "rs_beroende"),
        ],
      });
      expect(errorsOf(report)).toEqual([{ line: 3, column: "unit_code", code: "consentRequired" }]);
    });

    it("judges each row as of its own time, not its place in the file", async () => {
      const report = await run({
        events: [
          join("OWN-1", "2024-03-04", "rs_beroende"),
          consent("OWN-1", "2024-03-03", "given"),
        ],
      });
      expect(report).toMatchObject({ ok: true, added: { events: 2 } });
    });

    it("judges a case new in this import by its own rows", async () => {
      const report = await run({
        cases: [aCase({ case_ref: "NEW-1" })],
        events: [
          join("NEW-1", "2024-03-02", "rs_beroende"),
          consent("NEW-1", "2024-03-03", "given"),
          lead("NEW-1", "2024-03-04", "rs_beroende"),
        ],
      });
      expect(errorsOf(report)).toEqual([{ line: 2, column: "unit_code", code: "consentRequired" }]);
    });

    it("changes nothing on a re-import, a withdrawal at the same instant as a join included", async () => {
      const files: InterchangeFiles = {
        events: [
          consent("OWN-1", "2024-03-02", "given"),
          join("OWN-1", "2024-03-03T10:00", "rs_beroende"),
          consent("OWN-1", "2024-03-03T10:00", "withdrawn"),
        ],
      };
      expect(await run(files)).toMatchObject({ ok: true, added: { events: 3 } });
      // Stored, the withdrawal would come before a second copy of the join: rows already
      // stored are skipped by the import, so they are not judged again.
      expect(await run(files)).toMatchObject({
        ok: true,
        added: { events: 0 },
        skipped: { events: 3 },
      });
    });

    it("lets in rows an unlimited import stored already, and puts no rule on admin", async () => {
      const files: InterchangeFiles = { events: [join("OWN-1", "2024-03-02", "rs_beroende")] };
      expect(await run(files, {})).toMatchObject({ ok: true, added: { events: 1 } });
      expect(await run(files)).toMatchObject({ ok: true, skipped: { events: 1 } });
      const more = await run({ events: [join("OWN-1", "2024-03-03", "solna_soc")] });
      expect(errorsOf(more)).toEqual([{ line: 2, column: "unit_code", code: "consentRequired" }]);
    });
  });
});
