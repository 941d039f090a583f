import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRecord, MalformedCsv, readCsv } from "./read-csv";

async function fileWith(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "samsyn-csv-")), "f.csv");
  await writeFile(path, text);
  return path;
}

async function readAll(text: string): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsv(await fileWith(text))) records.push(record);
  return records;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

describe("readCsv", () => {
  it("gives each record's values and the line it starts on, for any RFC 4180 text", async () => {
    const field = fc.string({ unit: fc.constantFrom("a", "ö", ",", '"', "\n", "\r\n", " ", "1") });
    const record = fc.array(field, { minLength: 2, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (records, crlf) => {
          const end = crlf ? "\r\n" : "\n";
          const lines = records.map((r) => r.map(quote).join(","));
          const read = await readAll(lines.join(end) + end);
          expect(read.map((r) => r.values)).toEqual(records);
          let line = 1;
          for (const [i, text] of lines.entries()) {
            expect(read[i]?.line).toBe(line);
            line += 1 + (text.match(/\n/g)?.length ?? 0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("skips empty lines but keeps counting them", async () => {
    const read = await readAll("a,b\n\n1,2\n");
    expect(read.map((r) => [r.line, r.values])).toEqual([
      [1, ["a", "b"]],
      [3, ["1", "2"]],
    ]);
  });

  it("drops a byte order mark", async () => {
    const [header] = await readAll("\uFEFFunit_code,unit_name\n");
    expect(header?.values).toEqual(["unit_code", "unit_name"]);
  });

  it("stops with the line of a record whose quote is never closed", async () => {
    const error = await readAll('a,b\n1,2\n"3,4\n5,6\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedCsv);
    expect((error as MalformedCsv).line).toBe(3);
  });
});
