import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { containsIdentifier, type ImportErrorCode } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { selectRows } from "../queries/rows";
import { countSummary } from "../queries/summary";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type InterchangeFiles,
  resetData,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "../testing";
import { type ImportReport, type ImportStep, importDirectory } from "./import-directory";

const secret = "test-installation-secret";
/** Skatteverket's test personnummer: Luhn-valid, so screening must catch it. */
const personnummer = "19121212-1212";

/** A small county: a kommun unit, a region unit, one case with four events. */
function county(): InterchangeFiles {
  return {
    units: [aUnit(), aRegionUnit()],
    cases: [aCase()],
    events: [
      ...stepEvents("ARENDE-0001", "2024-03-01", [1, 2]),
      anEvent({
        occurred_at: "2024-03-02T09:30:00+01:00",
        type: "lead",
        step: "",
        unit_code: "rs_beroende",
      }),
      anEvent({ occurred_at: "2024-03-03", type: "consent", step: "", value: "given" }),
    ],
  };
}

describe.each(testDatabases())("importDirectory on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));

  async function importFiles(files: InterchangeFiles): Promise<ImportReport> {
    const dir = await writeInterchange(files);
    return importDirectory(database(), { dir, secret });
  }

  async function expectRejected(files: InterchangeFiles) {
    const report = await importFiles(files);
    if (report.ok) throw new Error("expected the import to be rejected");
    return report;
  }

  describe("valid files", () => {
    it("adds units, organisations, cases and events and records the import", async () => {
      const report = await importFiles(county());
      expect(report).toMatchObject({
        ok: true,
        added: { units: 2, cases: 1, events: 4 },
        skipped: { units: 0, cases: 0, events: 0 },
      });
      expect(await countSummary(database().db)).toEqual({
        organisations: 2,
        units: 2,
        cases: 1,
        events: 4,
      });
      const [imported] = await rows<{ events_added: number; status: string }>(
        sql`SELECT events_added, status FROM imports`,
      );
      expect(imported).toEqual({ events_added: 4, status: "succeeded" });
    });

    it("reads a BOM, CRLF line ends and a quoted close reason spanning lines", async () => {
      const files = county();
      const dir = await writeInterchange({
        ...files,
        events: [
          anEvent(),
          anEvent({
            occurred_at: "2024-05-01",
            type: "close",
            step: "",
            value: 'Avslutat, "klart"\nenligt plan',
          }),
        ],
      });
      const units =
        "\uFEFFunit_code,unit_name,organisation_code,organisation_name,principal_type,municipality_code\r\nstockholm_socialtjanst,Socialtjänsten Stockholm,stockholms_stad,Stockholms stad,kommun,0180\r\n";
      await writeFile(join(dir, "units.csv"), units);
      const report = await importDirectory(database(), { dir, secret });
      expect(report).toMatchObject({ ok: true, added: { units: 1, cases: 1, events: 2 } });
      const [close] = await rows<{ value: string }>(
        sql`SELECT value FROM case_events WHERE type = 'close'`,
      );
      expect(close?.value).toBe('Avslutat, "klart"\nenligt plan');
    });

    it("stores any free text exactly as written", async () => {
      const unit = fc.constantFrom(
        "a",
        "å",
        " ",
        ",",
        '"',
        "\\",
        ".",
        "\n",
        "\r\n",
        "\t",
        "\\.\n",
        "🙂",
      );
      const reason = fc
        .string({ unit, minLength: 1, maxLength: 40 })
        .filter((s) => s.trim() !== "" && !containsIdentifier(s));
      await fc.assert(
        fc.asyncProperty(reason, async (value) => {
          await resetData(database().db);
          const report = await importFiles({
            ...county(),
            events: [anEvent({ type: "close", step: "", value })],
          });
          expect(report.ok).toBe(true);
          const [stored] = await rows<{ value: string }>(sql`SELECT value FROM case_events`);
          expect(stored?.value).toBe(value);
        }),
        { numRuns: 15, examples: [["a\n\\.\nb"], ["\\."], ['""']] },
      );
    });

    it("reports progress for each file, ending at its full size", async () => {
      const dir = await writeInterchange(county());
      const seen: { file: string; rows: number; bytes: number; totalBytes: number }[] = [];
      await importDirectory(database(), { dir, secret, onProgress: (p) => seen.push(p) });
      expect(seen.map((p) => [p.file, p.rows])).toEqual([
        ["units.csv", 2],
        ["cases.csv", 1],
        ["events.csv", 4],
      ]);
      for (const p of seen) expect(p.bytes).toBe(p.totalBytes);
    });

    it("reports the steps after the files, the derivation up to every case it touched", async () => {
      const dir = await writeInterchange(county());
      const steps: ImportStep[] = [];
      await importDirectory(database(), { dir, secret, onStep: (step) => steps.push(step) });
      expect(steps).toEqual([
        { step: "checking" },
        { step: "storing" },
        { step: "deriving", done: 0, total: 1 },
        { step: "deriving", done: 1, total: 1 },
      ]);
      // A file with a rejected row stops after the checks: nothing stored, nothing derived.
      await resetData(database().db);
      const rejected: ImportStep[] = [];
      const bad = await writeInterchange({ ...county(), events: [anEvent({ type: "nonsense" })] });
      const report = await importDirectory(database(), {
        dir: bad,
        secret,
        onStep: (step) => rejected.push(step),
      });
      expect(report.ok).toBe(false);
      expect(rejected).toEqual([{ step: "checking" }]);
    });

    it("stores the case ref only as its keyed hash", async () => {
      const ref = "KÄLLSYSTEM-ÄRENDE-4711";
      const files = county();
      await importFiles({
        ...files,
        cases: [aCase({ case_ref: ref })],
        events: [anEvent({ case_ref: ref })],
      });
      const hex = Buffer.from(ref, "utf8").toString("hex");
      const tables = await rows<{ name: string }>(
        sql`SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      );
      expect(tables.length).toBeGreaterThanOrEqual(10);
      for (const { name } of tables) {
        const [hit] = await rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)} t
            WHERE t::text ILIKE ${`%${ref}%`} OR t::text ILIKE ${`%${hex}%`}`,
        );
        expect(hit?.n, name).toBe(0);
      }
      const [stored] = await rows<{ length: number }>(
        sql`SELECT octet_length(ref_hash) AS length FROM cases`,
      );
      expect(stored?.length).toBe(32);
    });

    it("keeps the recorded order of events with the same instant in seq", async () => {
      await importFiles({
        ...county(),
        events: [
          anEvent({ occurred_at: "2024-03-05", step: "3" }),
          anEvent({ occurred_at: "2024-03-05", step: "1" }),
          anEvent({ occurred_at: "2024-03-05", step: "2" }),
        ],
      });
      const ordered = await rows<{ step: number }>(
        sql`SELECT step FROM case_events ORDER BY occurred_at, seq`,
      );
      expect(ordered.map((e) => e.step)).toEqual([3, 1, 2]);
    });

    it("updates a renamed unit and organisation", async () => {
      await importFiles(county());
      const renamed = aUnit({
        unit_name: "Socialförvaltningen",
        organisation_name: "Stockholms kommun",
      });
      const report = await importFiles({ ...county(), units: [renamed, aRegionUnit()] });
      expect(report).toMatchObject({ ok: true, added: { units: 0 }, skipped: { units: 2 } });
      const names = await rows<{ unit: string; organisation: string }>(
        sql`SELECT u.name AS unit, o.name AS organisation FROM units u
          JOIN organisations o ON o.code = u.organisation_code WHERE u.code = 'stockholm_socialtjanst'`,
      );
      expect(names).toEqual([{ unit: "Socialförvaltningen", organisation: "Stockholms kommun" }]);
    });
  });

  describe("idempotency", () => {
    it("changes nothing when the same files are imported again", async () => {
      const files = county();
      await importFiles(files);
      const before = await snapshot();
      const again = await importFiles(files);
      expect(again).toMatchObject({
        ok: true,
        added: { units: 0, cases: 0, events: 0 },
        skipped: { units: 2, cases: 1, events: 4 },
      });
      expect(await snapshot()).toEqual(before);
    });

    it("adds only the new rows of a superset, after the existing events", async () => {
      const files = county();
      await importFiles(files);
      const more = [
        ...(files.events as never[]),
        anEvent({ occurred_at: "2024-03-01", step: "3" }),
        anEvent({ case_ref: "ARENDE-0002", occurred_at: "2024-04-01" }),
      ];
      const report = await importFiles({
        ...files,
        cases: [aCase(), aCase({ case_ref: "ARENDE-0002", opened_on: "2024-04-01" })],
        events: more,
      });
      expect(report).toMatchObject({
        ok: true,
        added: { units: 0, cases: 1, events: 2 },
        skipped: { units: 2, cases: 1, events: 4 },
      });
      const newest = await rows<{ step: number; seq: number }>(
        sql`SELECT step, seq FROM case_events ORDER BY seq DESC LIMIT 2`,
      );
      expect(newest.map((e) => e.step)).toEqual([1, 3]);
      expect(newest.every((e) => e.seq > 4)).toBe(true);
    });

    it("keeps identical event rows of one file as two events, also on re-import", async () => {
      const twice = anEvent({
        occurred_at: "2024-03-04",
        type: "sip",
        step: "",
        value: "followed_up",
      });
      const files = { ...county(), events: [twice, twice] };
      expect(await importFiles(files)).toMatchObject({ ok: true, added: { events: 2 } });
      expect(await importFiles(files)).toMatchObject({ ok: true, added: { events: 0 } });
      const third = await importFiles({ ...files, events: [twice, twice, twice] });
      expect(third).toMatchObject({ ok: true, added: { events: 1 }, skipped: { events: 2 } });
      const [count] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM case_events`);
      expect(count?.n).toBe(3);
    });

    it("finds a case again by its ref in a later import that has no cases.csv rows", async () => {
      await importFiles(county());
      const report = await importFiles({
        units: [],
        cases: [],
        events: [anEvent({ occurred_at: "2024-06-01", type: "reopen", step: "" })],
      });
      expect(report).toMatchObject({ ok: true, added: { units: 0, cases: 0, events: 1 } });
    });
  });

  describe("all or nothing", () => {
    it("leaves an empty database empty when the last row of events.csv is bad", async () => {
      const files = county();
      const report = await importFiles({
        ...files,
        events: [...(files.events as never[]), anEvent({ type: "jump" })],
      });
      expect(report).toMatchObject({ ok: false, errorCount: 1 });
      expect(await countSummary(database().db)).toEqual({
        organisations: 0,
        units: 0,
        cases: 0,
        events: 0,
      });
      expect(await rows(sql`SELECT id FROM imports`)).toEqual([]);
    });

    it("leaves earlier imports untouched when a later one is rejected", async () => {
      await importFiles(county());
      const before = await snapshot();
      const report = await importFiles({
        units: [aUnit(), aRegionUnit(), aUnit({ unit_code: "ny_enhet" })],
        cases: [aCase(), aCase({ case_ref: "ARENDE-0002" })],
        events: [anEvent({ case_ref: "ARENDE-0002" }), anEvent({ occurred_at: "2024-02-30" })],
      });
      expect(report.ok).toBe(false);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe("rejected rows", () => {
    type Expected = {
      file: string;
      line: number | null;
      column: string | null;
      code: ImportErrorCode;
    };
    const rejections: [string, () => InterchangeFiles, Expected][] = [
      [
        "a missing file",
        () => ({ ...county(), cases: null }),
        { file: "cases.csv", line: null, column: null, code: "missingFile" },
      ],
      [
        "a header that differs from SPEC",
        () => ({ ...county(), cases: { text: "case_ref,process\nA,sip\n" } }),
        { file: "cases.csv", line: 1, column: null, code: "badHeader" },
      ],
      [
        "an empty file without a header",
        () => ({ ...county(), units: { text: "" } }),
        { file: "units.csv", line: 1, column: null, code: "badHeader" },
      ],
      [
        "a wrong column count",
        () => ({
          ...county(),
          events: {
            text: "case_ref,occurred_at,type,step,unit_code,value\nARENDE-0001,2024-03-01,step,1,\n",
          },
        }),
        { file: "events.csv", line: 2, column: null, code: "columnCount" },
      ],
      [
        "an unterminated quote",
        () => ({
          ...county(),
          events: {
            text: 'case_ref,occurred_at,type,step,unit_code,value\nARENDE-0001,2024-03-01,step,1,,\n"ARENDE-0001,2024',
          },
        }),
        { file: "events.csv", line: 3, column: null, code: "malformedCsv" },
      ],
      [
        "an unknown principal type",
        () => ({ ...county(), units: [aUnit({ principal_type: "kyrka" }), aRegionUnit()] }),
        { file: "units.csv", line: 2, column: "principal_type", code: "unknownCode" },
      ],
      [
        "a kommun without municipality",
        () => ({ ...county(), units: [aUnit({ municipality_code: "" }), aRegionUnit()] }),
        { file: "units.csv", line: 2, column: "municipality_code", code: "required" },
      ],
      [
        "an unknown process",
        () => ({ ...county(), cases: [aCase({ process: "okand_process" })] }),
        { file: "cases.csv", line: 2, column: "process", code: "unknownCode" },
      ],
      [
        "an unknown target group",
        () => ({ ...county(), cases: [aCase({ target_group: "alla" })] }),
        { file: "cases.csv", line: 2, column: "target_group", code: "unknownCode" },
      ],
      [
        "an unknown age group",
        () => ({ ...county(), cases: [aCase({ age_group: "ungdom" })] }),
        { file: "cases.csv", line: 2, column: "age_group", code: "unknownCode" },
      ],
      [
        "an unknown municipality",
        () => ({ ...county(), cases: [aCase({ municipality_code: "9999" })] }),
        { file: "cases.csv", line: 2, column: "municipality_code", code: "unknownCode" },
      ],
      [
        "a date that does not exist",
        () => ({ ...county(), cases: [aCase({ opened_on: "2024-02-30" })] }),
        { file: "cases.csv", line: 2, column: "opened_on", code: "badDate" },
      ],
      [
        "an unknown event type",
        () => ({ ...county(), events: [anEvent({ type: "jump" })] }),
        { file: "events.csv", line: 2, column: "type", code: "unknownCode" },
      ],
      [
        "a bad timestamp",
        () => ({ ...county(), events: [anEvent({ occurred_at: "2024-03-01T25:00" })] }),
        { file: "events.csv", line: 2, column: "occurred_at", code: "badTimestamp" },
      ],
      [
        "a step outside the case's process",
        () => ({
          ...county(),
          cases: [aCase({ process: "sip" })],
          events: [anEvent({ step: "10" })],
        }),
        { file: "events.csv", line: 2, column: "step", code: "stepNotInProcess" },
      ],
      [
        "a step that is not a number",
        () => ({ ...county(), events: [anEvent({ step: "tre" })] }),
        { file: "events.csv", line: 2, column: "step", code: "badStep" },
      ],
      [
        "a lead event without a unit",
        () => ({ ...county(), events: [anEvent({ type: "lead", step: "" })] }),
        { file: "events.csv", line: 2, column: "unit_code", code: "required" },
      ],
      [
        "a lead event with a step",
        () => ({ ...county(), events: [anEvent({ type: "lead", unit_code: "rs_beroende" })] }),
        { file: "events.csv", line: 2, column: "step", code: "mustBeEmpty" },
      ],
      [
        "a consent value outside the catalogue",
        () => ({ ...county(), events: [anEvent({ type: "consent", step: "", value: "kanske" })] }),
        { file: "events.csv", line: 2, column: "value", code: "badValue" },
      ],
      [
        "a NUL character in free text",
        () => ({ ...county(), events: [anEvent({ type: "close", step: "", value: "a\u0000b" })] }),
        { file: "events.csv", line: 2, column: "value", code: "badValue" },
      ],
      [
        "an unknown case ref",
        () => ({ ...county(), events: [anEvent({ case_ref: "FINNS-INTE" })] }),
        { file: "events.csv", line: 2, column: "case_ref", code: "unknownCase" },
      ],
      [
        "an unknown initiating unit",
        () => ({ ...county(), cases: [aCase({ initiating_unit: "okand_enhet" })] }),
        { file: "cases.csv", line: 2, column: "initiating_unit", code: "unknownUnit" },
      ],
      [
        "an unknown unit in an event",
        () => ({
          ...county(),
          events: [anEvent({ type: "join", step: "", unit_code: "okand_enhet" })],
        }),
        { file: "events.csv", line: 2, column: "unit_code", code: "unknownUnit" },
      ],
      [
        "the same case ref twice with different attributes",
        () => ({ ...county(), cases: [aCase(), aCase({ age_group: "aldre" })] }),
        { file: "cases.csv", line: 3, column: "case_ref", code: "conflictingCase" },
      ],
      [
        "the same unit code in two organisations",
        () => ({
          ...county(),
          units: [aUnit(), aRegionUnit(), aRegionUnit({ unit_code: "stockholm_socialtjanst" })],
        }),
        { file: "units.csv", line: 4, column: "unit_code", code: "conflictingUnit" },
      ],
    ];

    it.each(rejections)("rejects %s", async (_, files, expected) => {
      const report = await expectRejected(files());
      expect(report.errors).toContainEqual(expect.objectContaining(expected));
      const error = report.errors.find((e) => e.code === expected.code);
      expect(error?.reason).toMatch(/\p{L}{3}/u);
      expect(await countSummary(database().db)).toMatchObject({ cases: 0, events: 0 });
    });

    it("reports only the screened rows' own errors, not cascades from them", async () => {
      const report = await expectRejected({
        ...county(),
        cases: [aCase({ opened_on: "2024-13-01" })],
      });
      expect(report.errors.map((e) => e.code)).toEqual(["badDate"]);
    });

    it("rejects a case whose ref differs from the stored case's attributes", async () => {
      await importFiles(county());
      const report = await expectRejected({ ...county(), cases: [aCase({ process: "sip" })] });
      expect(report.errors).toContainEqual(
        expect.objectContaining({ file: "cases.csv", line: 2, code: "conflictingCase" }),
      );
    });

    it("rejects an organisation whose principal type differs from the stored one", async () => {
      await importFiles(county());
      const report = await expectRejected({
        ...county(),
        units: [aUnit(), aRegionUnit({ principal_type: "privat" })],
      });
      expect(report.errors).toContainEqual(
        expect.objectContaining({
          line: 3,
          column: "principal_type",
          code: "conflictingOrganisation",
        }),
      );
    });

    it.each([
      [
        "case_ref of cases.csv",
        { cases: [aCase({ case_ref: `P-${personnummer}` })] },
        "cases.csv",
        "case_ref",
      ],
      [
        "case_ref of events.csv",
        { events: [anEvent({ case_ref: personnummer.replace("-", "") })] },
        "events.csv",
        "case_ref",
      ],
      [
        "a close reason",
        { events: [anEvent({ type: "close", step: "", value: `avslut för ${personnummer}` })] },
        "events.csv",
        "value",
      ],
      [
        "a unit name",
        { units: [aUnit({ unit_name: `Enhet ${personnummer}` }), aRegionUnit()] },
        "units.csv",
        "unit_name",
      ],
    ] as const)(
      "rejects a personnummer in %s without echoing it",
      async (_, override, file, column) => {
        expect(containsIdentifier(personnummer)).toBe(true);
        const report = await expectRejected({ ...county(), ...override });
        expect(report.errors).toContainEqual(
          expect.objectContaining({ file, line: 2, column, code: "identifier" }),
        );
        const text = JSON.stringify(report);
        for (const form of [
          personnummer,
          personnummer.replace("-", ""),
          "121212-1212",
          "1212121212",
        ]) {
          expect(text).not.toContain(form);
        }
      },
    );

    it("reports the first 100 errors and counts all 150", async () => {
      const bad = Array.from({ length: 150 }, (_, i) =>
        anEvent({ occurred_at: `2024-03-01T10:${String(i % 60).padStart(2, "0")}`, type: "hopp" }),
      );
      const report = await expectRejected({ ...county(), events: bad });
      expect(report.errorCount).toBe(150);
      expect(report.errors).toHaveLength(100);
      expect(report.errors[0]).toMatchObject({ file: "events.csv", line: 2, column: "type" });
    });

    it("caps errors found by the reference checks too", async () => {
      const unknown = Array.from({ length: 150 }, (_, i) => anEvent({ case_ref: `OKAND-${i}` }));
      const report = await expectRejected({ ...county(), events: unknown });
      expect(report.errorCount).toBe(150);
      expect(report.errors).toHaveLength(100);
      expect(report.errors.every((e) => e.code === "unknownCase")).toBe(true);
    });
  });

  function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    return selectRows<T>(database().db, query);
  }

  /** Every row of the tables an import fills, as text: equal snapshots mean nothing changed. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const result: Record<string, string[]> = {};
    for (const table of ["organisations", "units", "cases", "case_events"]) {
      const all = await rows<{ r: string }>(
        sql`SELECT t::text AS r FROM ${sql.identifier(table)} t ORDER BY 1`,
      );
      result[table] = all.map((x) => x.r);
    }
    return result;
  }
});
