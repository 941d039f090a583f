import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  authed,
  importAgreementCounty,
  jsonInit,
  stockholmAgreement,
  testApp,
  testScope,
} from "../testing";

/**
 * Issue 20: the API's exports — the agreement register as CSV and XLSX and the audit log as CSV —
 * keep any text that starts like a formula (= + - @, tab, CR) from running in a spreadsheet,
 * wherever a user put it (an agreement's title, a section, a token's subject); numbers stay
 * numbers.
 */
const characters = [..."abcåäöABC =+-@|!()\"';,:/\t"];
const formulaLike = fc
  .tuple(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r"),
    fc.string({ unit: fc.constantFrom(...characters), minLength: 1, maxLength: 30 }),
  )
  // A letter after the prefix: a text needs one (blank titles are refused before any export).
  .map(([start, rest]) => `${start}x${rest}`);

/** RFC 4180 fields of a CSV text (after its BOM), with the quotes taken off. */
function csvFields(csv: string): string[] {
  const fields: string[] = [];
  let i = csv.startsWith("\uFEFF") ? 1 : 0;
  while (i < csv.length) {
    let field = "";
    if (csv[i] === '"') {
      i += 1;
      for (;;) {
        const quote = csv.indexOf('"', i);
        if (quote === -1) throw new Error("unterminated quote");
        field += csv.slice(i, quote);
        if (csv[quote + 1] === '"') {
          field += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    } else {
      const rest = csv.slice(i);
      const end = rest.search(/,|\r\n/);
      field = end === -1 ? rest : rest.slice(0, end);
      i += field.length;
    }
    fields.push(field);
    if (csv.startsWith("\r\n", i)) i += 2;
    else if (csv[i] === ",") i += 1;
  }
  return fields;
}

/** A field a spreadsheet would run: it starts like a formula and is not a plain number. */
function runs(field: string): boolean {
  return /^[=+\-@\t\r]/.test(field) && !/^-?\d+(\.\d+)?$/.test(field);
}

describe.each(testDatabases())("exports neutralise formulas on $name", (target) => {
  const database = useMigratedDatabase(target);
  const lan = testScope("lan");
  let imported = false;

  async function county() {
    if (!imported) await importAgreementCounty(database());
    imported = true;
  }

  it("the register in CSV and XLSX: every generated text comes out behind an apostrophe", async () => {
    await county();
    const app = testApp(database());
    const { default: exceljs } = await import("exceljs");
    await fc.assert(
      fc.asyncProperty(formulaLike, formulaLike, formulaLike, async (title, sectionTitle, text) => {
        const body = {
          ...stockholmAgreement,
          title,
          sections: [{ kind: "sip", title: sectionTitle, text }],
        };
        const created = await authed(app, "/api/v1/agreements", jsonInit("POST", body), lan);
        expect(created.status).toBe(201);
        const stored = (await created.json()) as {
          title: string;
          sections: { title: string; text: string }[];
        };
        const texts = [
          stored.title,
          stored.sections[0]?.title ?? "",
          stored.sections[0]?.text ?? "",
        ];

        const csv = await (
          await authed(app, "/api/v1/agreements/export?format=csv", {}, lan)
        ).text();
        const fields = csvFields(csv);
        expect(fields.filter(runs)).toEqual([]);
        for (const t of texts) if (runs(t)) expect(fields).toContain(`'${t}`);

        const xlsx = await authed(app, "/api/v1/agreements/export?format=xlsx", {}, lan);
        const workbook = new exceljs.Workbook();
        await workbook.xlsx.load(await xlsx.arrayBuffer());
        const cells: unknown[] = [];
        workbook.worksheets[0]?.eachRow((row) => {
          row.eachCell((cell) => {
            cells.push(cell.value);
          });
        });
        expect(cells.filter((v) => typeof v !== "string" || runs(v))).toEqual([]);
        // XML reads a CR as a line feed: what matters is the apostrophe in front.
        const asXml = (t: string) => t.replaceAll("\r\n", "\n").replaceAll("\r", "\n");
        for (const t of texts) if (runs(t)) expect(cells).toContain(`'${asXml(t)}`);
      }),
      { numRuns: target.name === "pglite" ? 15 : 5 },
    );
  });

  it("the audit log in CSV: a subject that starts like a formula does not run; ids stay numbers", async () => {
    const app = testApp(database());
    await fc.assert(
      fc.asyncProperty(formulaLike, async (sub) => {
        // An admin whose subject is the hostile text reads the log: its row names them.
        const read = await authed(
          app,
          "/api/v1/audit-log?limit=1",
          {},
          testScope("admin", [], sub),
        );
        expect(read.status).toBe(200);
        const csv = await (await authed(app, "/api/v1/audit-log/export")).text();
        const fields = csvFields(csv);
        expect(fields.filter(runs)).toEqual([]);
        expect(fields).toContain(`'${sub}`);
        const lines = csv.replace("\uFEFF", "").trim().split("\r\n");
        // The first column is the row's id: a plain number, not turned into text.
        expect(lines.slice(1).every((line) => /^\d+,/.test(line))).toBe(true);
      }),
      { numRuns: target.name === "pglite" ? 15 : 5 },
    );
  });
});
