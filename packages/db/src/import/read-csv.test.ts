import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvRecord, MalformedCsv, readCsv, sniffCsv } from "./read-csv";

async function fileWith(text: string | Buffer): Promise<string> {
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
  it("stops early, as a failed COPY stops it, leaving no stream behind to fail unheard", async () => {
    const big = await fileWith(`a,b\r\n${"1,2\r\n".repeat(400_000)}`);
    const unheard: unknown[] = [];
    const listen = (error: unknown) => unheard.push(error);
    process.on("uncaughtException", listen);
    try {
      for (let i = 0; i < 20; i++) {
        let seen = 0;
        for await (const _ of readCsv(big)) if (++seen === 3) break;
        expect(seen).toBe(3);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off("uncaughtException", listen);
    }
    expect(unheard).toEqual([]);
  });

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

  it("names the line of a broken quote deep in the file, not the first line", async () => {
    const rows = Array.from({ length: 999 }, (_, i) => (i === 498 ? 'x,"y"z' : `x${i},y`));
    const error = await readAll(`a,b\n${rows.join("\n")}\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedCsv);
    expect((error as MalformedCsv).line).toBe(500);
  });

  it("reads semicolon-separated Windows-1252 as the format it sniffed", async () => {
    const bytes = Buffer.from("a;b\r\nS\xf6dert\xe4lje, v\xe5rd;\x80\r\n", "latin1");
    const path = await fileWith(bytes);
    const format = await sniffCsv(path);
    expect(format).toEqual({ encoding: "windows-1252", delimiter: ";" });
    const read: CsvRecord[] = [];
    for await (const r of readCsv(path, { encoding: "windows-1252", delimiter: ";" })) read.push(r);
    expect(read.map((r) => r.values)).toEqual([
      ["a", "b"],
      ["Södertälje, vård", "€"],
    ]);
  });
});

describe("sniffCsv", () => {
  it("takes valid UTF-8 as UTF-8 and a header with commas as comma-separated", async () => {
    const path = await fileWith("\uFEFFa,b;c\r\nå;ä;ö,x\r\n");
    expect(await sniffCsv(path)).toEqual({ encoding: "utf-8", delimiter: "," });
  });

  it("finds invalid UTF-8 after the first chunk of a large file", async () => {
    const head = `a;b\n${"x;y\n".repeat(100_000)}`;
    const path = await fileWith(Buffer.concat([Buffer.from(head), Buffer.from([0xe5, 0x0a])]));
    expect(await sniffCsv(path)).toEqual({ encoding: "windows-1252", delimiter: ";" });
  });

  it("refuses UTF-16 and bytes that Windows-1252 leaves undefined", async () => {
    const utf16 = await fileWith(Buffer.from("\uFEFFa,b\n", "utf16le"));
    expect(await sniffCsv(utf16)).toEqual({ unreadable: "encoding" });
    const neither = await fileWith(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0xe5, 0x81, 0x0a]));
    expect(await sniffCsv(neither)).toEqual({ unreadable: "encoding" });
  });
});
