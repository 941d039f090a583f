import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type InterchangeFile, interchangeColumns, interchangeFileNames, t } from "@samsyn/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { countSummary } from "../queries/summary";
import {
  aCase,
  aRegionUnit,
  aUnit,
  resetData,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
} from "../testing";
import { type ImportReport, importDirectory } from "./import-directory";
import { maxRecordBytes } from "./read-csv";

/**
 * Issue 20, "Hostile input": the import over generated files. Files written the ways
 * spreadsheets write them (README "Import tolerances": BOM, CRLF or LF, blank lines, semicolons,
 * Windows-1252, quoting) import with exactly their rows; files broken on the way (byte noise, a
 * stray quote, cut short, empty, header only, a repeated column, kommunkoder that lost their
 * leading zero, UTF-16, U+FFFD, a 100 MB line) are refused with a Swedish error naming file and
 * line — never an exception, never a partial import, never a U+FFFD stored.
 */
const secret = "test-installation-secret";
const files = ["units", "cases", "events"] as const satisfies readonly InterchangeFile[];

const unitName = fc.constantFrom(
  "Socialtjänsten Södermalm",
  "Beroendecentrum Sköndal; öppenvård",
  'Enhet "Norr", Älvsjö',
  "Rad\nbrytning i namnet",
  "=HYPERLINK(1)",
  "Ålands väg 1",
);

type Rows = Record<(typeof files)[number], Record<string, string>[]>;

const county: fc.Arbitrary<Rows> = fc
  .record({
    names: fc.tuple(unitName, unitName),
    municipalities: fc.array(fc.constantFrom("0180", "0114", "0182", "0188"), {
      minLength: 1,
      maxLength: 3,
    }),
  })
  .map(({ names: [a, b], municipalities }) => ({
    units: [aUnit({ unit_name: a }), aRegionUnit({ unit_name: b })],
    cases: municipalities.map((m, i) => aCase({ case_ref: `ARENDE-${i}`, municipality_code: m })),
    events: municipalities.flatMap((_, i) => stepEvents(`ARENDE-${i}`, "2024-03-01", [1, 2])),
  }));

/** How a spreadsheet may write a file: each a documented tolerance. */
interface Format {
  readonly bom: boolean;
  readonly lineEnd: "\r\n" | "\n";
  readonly delimiter: "," | ";";
  readonly encoding: "utf-8" | "windows-1252";
  readonly blankLines: boolean;
  readonly quoteAll: boolean;
}

const format: fc.Arbitrary<Format> = fc.record({
  bom: fc.boolean(),
  lineEnd: fc.constantFrom("\r\n" as const, "\n" as const),
  delimiter: fc.constantFrom("," as const, ";" as const),
  encoding: fc.constantFrom("utf-8" as const, "windows-1252" as const),
  blankLines: fc.boolean(),
  quoteAll: fc.boolean(),
});

const sheetsFormat: Format = {
  bom: false,
  lineEnd: "\r\n",
  delimiter: ",",
  encoding: "utf-8",
  blankLines: false,
  quoteAll: false,
};

function render(file: (typeof files)[number], rows: Rows, f: Format): string {
  const columns = interchangeColumns[file];
  const field = (value: string) =>
    f.quoteAll || /["\r\n,;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const lines = [
    columns.join(f.delimiter),
    ...rows[file].map((row) => columns.map((c) => field(row[c] ?? "")).join(f.delimiter)),
  ];
  const body = lines.join(f.blankLines ? `${f.lineEnd}${f.lineEnd}` : f.lineEnd) + f.lineEnd;
  return (f.bom ? "\uFEFF" : "") + body;
}

function encode(text: string, encoding: Format["encoding"]): Buffer {
  if (encoding === "utf-8") return Buffer.from(text, "utf8");
  // Every test name is Latin-1 (å, ä, ö): Windows-1252 has them at the same bytes.
  return Buffer.from(
    [...text].map((c) => (c === "\uFEFF" ? -1 : c.charCodeAt(0))).filter((b) => b >= 0),
  );
}

async function writeFiles(contents: Record<(typeof files)[number], Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "samsyn-fuzz-"));
  for (const file of files) await writeFile(join(dir, interchangeFileNames[file]), contents[file]);
  return dir;
}

/** What is wrong with `report` as an answer, whatever the files held. */
function reportProblems(report: ImportReport, contents: Record<string, Buffer>): string[] {
  if (report.ok) return [];
  const problems: string[] = [];
  if (report.errors.length === 0) problems.push("refused without an error");
  for (const error of report.errors) {
    const file = files.find((f) => interchangeFileNames[f] === error.file);
    if (file === undefined) {
      problems.push(`an error names no file: ${JSON.stringify(error)}`);
      continue;
    }
    const lines = (contents[file]?.toString("latin1").split("\n").length ?? 0) + 1;
    if (
      error.line !== null &&
      !(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines)
    ) {
      problems.push(`line ${error.line} is not in ${error.file} (${lines} lines)`);
    }
    if (
      error.column !== null &&
      !(interchangeColumns[file] as readonly string[]).includes(error.column)
    ) {
      problems.push(`column ${error.column} is not one of ${error.file}`);
    }
    if (!error.reason.startsWith(swedishStart(error.code))) {
      problems.push(`not the Swedish reason: ${error.reason}`);
    }
  }
  return problems;
}

/** The Swedish message of `code` up to its first parameter: what a reason starts with. */
function swedishStart(code: string): string {
  const text = t(`import.error.${code}` as Parameters<typeof t>[0], {}, "sv");
  return text.split("{")[0] ?? text;
}

/** Every stored text of the tables an import writes, as one JSON text per row. */
async function storedTexts(database: Database): Promise<string> {
  const rows = await database.db.execute(sql`
    SELECT row_to_json(o)::text AS row FROM organisations o
    UNION ALL SELECT row_to_json(u)::text FROM units u
    UNION ALL SELECT row_to_json(c)::text FROM cases c
    UNION ALL SELECT row_to_json(e)::text FROM case_events e`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
    row: string;
  }[];
  return list.map((r) => r.row).join("\n");
}

type Damage =
  | { kind: "noise"; file: (typeof files)[number]; at: number; bytes: number[] }
  | { kind: "quote"; file: (typeof files)[number]; at: number }
  | { kind: "cut"; file: (typeof files)[number]; at: number }
  | {
      kind: "empty" | "headerOnly" | "repeatedColumn" | "utf16" | "crOnly";
      file: (typeof files)[number];
    }
  | { kind: "lostZero"; file: "units" | "cases" }
  | { kind: "replacement"; file: "units" };

const fileOf = fc.constantFrom(...files);
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant("noise" as const),
    file: fileOf,
    at: fc.nat(),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant("quote" as const), file: fileOf, at: fc.nat() }),
  fc.record({ kind: fc.constant("cut" as const), file: fileOf, at: fc.nat() }),
  fc.record({
    kind: fc.constantFrom(
      "empty" as const,
      "headerOnly" as const,
      "repeatedColumn" as const,
      "utf16" as const,
      "crOnly" as const,
    ),
    file: fileOf,
  }),
  fc.record({
    kind: fc.constant("lostZero" as const),
    file: fc.constantFrom("units" as const, "cases" as const),
  }),
  fc.record({ kind: fc.constant("replacement" as const), file: fc.constant("units" as const) }),
);

function damaged(rows: Rows, d: Damage): Record<(typeof files)[number], Buffer> {
  const bytes = (r: Rows, f: Format = sheetsFormat) =>
    Object.fromEntries(
      files.map((file) => [file, encode(render(file, r, f), f.encoding)]),
    ) as Record<(typeof files)[number], Buffer>;
  switch (d.kind) {
    case "lostZero": {
      const changed = {
        ...rows,
        [d.file]: rows[d.file].map((row) => ({
          ...row,
          municipality_code: (row.municipality_code ?? "").replace(/^0/, ""),
        })),
      };
      return bytes(changed);
    }
    case "replacement":
      return bytes({
        ...rows,
        units: rows.units.map((u) => ({ ...u, unit_name: "Socialtj\uFFFDnsten" })),
      });
    case "crOnly":
      return {
        ...bytes(rows),
        [d.file]: Buffer.from(render(d.file, rows, sheetsFormat).replaceAll("\r\n", "\r")),
      };
    default: {
      const all = bytes(rows);
      const original = all[d.file];
      const header = `${interchangeColumns[d.file].join(",")}\r\n`;
      const at = "at" in d ? d.at % (original.length + 1) : 0;
      const changed =
        d.kind === "noise"
          ? Buffer.concat([original.subarray(0, at), Buffer.from(d.bytes), original.subarray(at)])
          : d.kind === "quote"
            ? Buffer.concat([original.subarray(0, at), Buffer.from('"'), original.subarray(at)])
            : d.kind === "cut"
              ? original.subarray(0, at)
              : d.kind === "empty"
                ? Buffer.alloc(0)
                : d.kind === "headerOnly"
                  ? Buffer.from(header)
                  : d.kind === "repeatedColumn"
                    ? Buffer.concat([
                        Buffer.from(
                          `${interchangeColumns[d.file].join(",")},${interchangeColumns[d.file][0]}\r\n`,
                        ),
                        original.subarray(original.indexOf("\n") + 1),
                      ])
                    : Buffer.concat([
                        Buffer.from([0xff, 0xfe]),
                        Buffer.from(original.toString("utf8"), "utf16le"),
                      ]);
      return { ...all, [d.file]: changed };
    }
  }
}

/** The codes a damage must be reported with, when it is one the import names particularly. */
const expectedCode: Partial<Record<Damage["kind"], string>> = {
  lostZero: "missingLeadingZero",
  replacement: "replacementCharacter",
  utf16: "badEncoding",
  repeatedColumn: "badHeader",
};

describe.each(testDatabases())("the import over generated files on $name", (target) => {
  const database = useMigratedDatabase(target);
  beforeEach(() => resetData(database().db));
  const runs = target.name === "pglite" ? 30 : 10;

  it("imports every file a spreadsheet writes (a documented tolerance) with exactly its rows", async () => {
    await fc.assert(
      fc.asyncProperty(county, format, async (rows, f) => {
        await resetData(database().db);
        const contents = Object.fromEntries(
          files.map((file) => [file, encode(render(file, rows, f), f.encoding)]),
        ) as Record<(typeof files)[number], Buffer>;
        const report = await importDirectory(database(), {
          dir: await writeFiles(contents),
          secret,
        });
        expect(reportProblems(report, contents)).toEqual([]);
        expect(report.ok, JSON.stringify(report)).toBe(true);
        if (!report.ok) return;
        expect(report.added).toMatchObject({
          units: 2,
          cases: rows.cases.length,
          events: rows.events.length,
        });
        const stored = await storedTexts(database());
        expect(stored).not.toContain("\uFFFD");
        for (const unit of rows.units)
          expect(stored).toContain(JSON.stringify(unit.unit_name).slice(1, -1));
        expect(report.notices.some((n) => n.code === "semicolonSeparated")).toBe(
          f.delimiter === ";",
        );
      }),
      { numRuns: runs },
    );
  });

  it("refuses a damaged file with a Swedish error by file and line, storing nothing, or imports it whole", async () => {
    await fc.assert(
      fc.asyncProperty(county, damage, async (rows, d) => {
        await resetData(database().db);
        const contents = damaged(rows, d);
        const report = await importDirectory(database(), {
          dir: await writeFiles(contents),
          secret,
        });
        expect(reportProblems(report, contents)).toEqual([]);
        const summary = await countSummary(database().db);
        const stored = await storedTexts(database());
        expect(stored).not.toContain("\uFFFD");
        if (report.ok) {
          expect(expectedCode[d.kind]).toBeUndefined();
          expect(summary).toMatchObject(report.added);
          return;
        }
        expect(summary).toEqual({ organisations: 0, units: 0, cases: 0, events: 0 });
        const code = expectedCode[d.kind];
        if (code !== undefined) {
          expect(report.errors.map((e) => [e.file, e.code])).toContainEqual([
            interchangeFileNames[d.file],
            code,
          ]);
        }
      }),
      { numRuns: runs * 2 },
    );
  });

  it("refuses a 100 MB line with a per-row Swedish error, reading it in bounded memory", async () => {
    const rows: Rows = {
      units: [aUnit(), aRegionUnit()],
      cases: [aCase({ case_ref: "ARENDE-0" })],
      events: stepEvents("ARENDE-0", "2024-03-01", [1, 2]),
    };
    const contents = Object.fromEntries(
      files.map((file) => [file, encode(render(file, rows, sheetsFormat), "utf-8")]),
    ) as Record<(typeof files)[number], Buffer>;
    const dir = await writeFiles(contents);
    // events.csv: header, two rows, then line 4 of 100 MB with no line break, then a good row.
    const out = createWriteStream(join(dir, interchangeFileNames.events));
    out.write(contents.events);
    const chunk = Buffer.alloc(1024 * 1024, "a");
    for (let i = 0; i < 100; i++) if (!out.write(chunk)) await once(out, "drain");
    out.end("\r\nARENDE-0,2024-03-05,step,3,,\r\n");
    await once(out, "finish");

    const before = process.memoryUsage();
    const report = await importDirectory(database(), { dir, secret });
    const after = process.memoryUsage();
    const grown = (after.rss - before.rss) / 2 ** 20;
    console.info(
      `100 MB line: refused, RSS grew ${grown.toFixed(0)} MiB (heap ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB)`,
    );
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.errors).toEqual([
      {
        file: "events.csv",
        line: 4,
        column: null,
        code: "lineTooLong",
        reason: t("import.error.lineTooLong", { max: maxRecordBytes }),
      },
    ]);
    expect(report.errors[0]?.reason).toMatch(/^Raden är längre än/);
    // Held whole, the line alone would be 100 MB (200 MB as a JS string).
    expect(grown).toBeLessThan(80);
    expect(await countSummary(database().db)).toEqual({
      organisations: 0,
      units: 0,
      cases: 0,
      events: 0,
    });
  });
});
