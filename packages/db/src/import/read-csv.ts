import { createReadStream } from "node:fs";
import { pipeline, Transform } from "node:stream";
import { CsvError, type Options, parse } from "csv-parse";

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted field may span lines). */
  readonly line: number;
  readonly values: readonly string[];
  /** Bytes of the file read so far, for progress. */
  readonly bytes: number;
}

/**
 * How a file is written. SPEC's format is UTF-8 and comma-separated; a spreadsheet saving
 * "CSV (semikolonavgränsad)" in a Swedish locale writes semicolons, and Excel writes its "CSV"
 * in Windows-1252 unless told "CSV UTF-8".
 */
export interface CsvFormat {
  readonly encoding: "utf-8" | "windows-1252";
  readonly delimiter: "," | ";";
}

export const interchangeFormat: CsvFormat = { encoding: "utf-8", delimiter: "," };

/**
 * The longest record the import reads. The interchange's longest field is a few hundred
 * characters; without a bound, one line without a line break (a 100 MB file that lost its
 * line ends, or one sent to exhaust the server) was held whole in memory before any check.
 */
export const maxRecordBytes = 1024 * 1024;

/**
 * A file that is not RFC 4180 CSV from `line` on, or whose record there is longer than
 * `maxRecordBytes` (`tooLong`): reading stops there.
 */
export class MalformedCsv extends Error {
  constructor(
    readonly line: number,
    readonly tooLong = false,
  ) {
    super(tooLong ? "CSV record too long" : "malformed CSV");
  }
}

/**
 * Streams a CSV file record by record (RFC 4180, a BOM and CRLF tolerated). Records may have any
 * number of fields: the caller reports a wrong count per row instead of failing the file.
 * Lines are counted as csv-parse hands over each record rather than with its `info`, which more
 * than doubles its time, and inside the parser rather than where the records are read: a
 * stream's reader drops the records it has not read yet when the parser fails.
 */
export async function* readCsv(
  path: string,
  format: CsvFormat = interchangeFormat,
): AsyncGenerator<CsvRecord> {
  const source = createReadStream(path);
  let line = 1;
  const options: Options<ParsedRecord, string[]> = {
    bom: true,
    delimiter: format.delimiter,
    relax_column_count: true,
    max_record_size: maxRecordBytes,
    on_record: (values) => {
      const start = line;
      line += 1 + lineBreaksIn(values);
      return values.length === 1 && values[0] === "" ? undefined : { start, values };
    },
  };
  // The typings tie a changed record type to `columns`; the records here stay arrays of fields.
  const parser = parse(options as unknown as Options);
  // `pipeline`, not `pipe`: when the reader stops early (a failed COPY) or a stream fails, every
  // stream is torn down together. With `pipe`, the file went on writing into a destroyed parser,
  // whose 'error' nobody listened to any more, and that took the whole server down.
  const records =
    format.encoding === "utf-8"
      ? pipeline(source, parser, surfacedByTheReader)
      : pipeline(source, windows1252ToUtf8(), parser, surfacedByTheReader);
  try {
    for await (const record of records as AsyncIterable<ParsedRecord>) {
      yield { line: record.start, values: record.values, bytes: source.bytesRead };
    }
  } catch (error) {
    // `line` has moved past every record the parser finished: the failing one starts there.
    if (error instanceof CsvError) {
      throw new MalformedCsv(line, error.code === "CSV_MAX_RECORD_SIZE");
    }
    throw error;
  } finally {
    source.destroy();
  }
}

/** A pipeline's error also destroys its last stream, the parser, so the `for await` throws it. */
function surfacedByTheReader(): void {}

interface ParsedRecord {
  readonly start: number;
  readonly values: string[];
}

/** Line breaks inside quoted fields: the record after them starts that many lines further. */
function lineBreaksIn(values: readonly string[]): number {
  let breaks = 0;
  for (const value of values) {
    for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) breaks++;
  }
  return breaks;
}

function windows1252ToUtf8(): Transform {
  const decoder = new TextDecoder("windows-1252");
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), "utf8"));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), "utf8"));
    },
  });
}

/** What `sniffCsv` found: the file's format, or that it is in no encoding the import reads. */
export type SniffedCsv = CsvFormat | { readonly unreadable: "encoding" };

/**
 * Reads the file once to tell its encoding and separator before it is parsed: a file that is
 * not valid UTF-8 anywhere (a spreadsheet's Windows-1252 "CSV") must be decoded as such from its
 * first byte, or its å, ä and ö would be stored as U+FFFD.
 */
export async function sniffCsv(path: string): Promise<SniffedCsv> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let isUtf8 = true;
  let isWindows1252 = true;
  let head = Buffer.alloc(0);
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (head.length === 0 && startsWithUtf16Bom(chunk)) return { unreadable: "encoding" };
    if (!head.includes(0x0a) && head.length < maxHeaderBytes) head = Buffer.concat([head, chunk]);
    if (isUtf8) isUtf8 = decodes(utf8, chunk);
    if (isWindows1252) isWindows1252 = !undefinedInWindows1252.some((b) => chunk.includes(b));
  }
  if (isUtf8) isUtf8 = decodes(utf8);
  if (!isUtf8 && !isWindows1252) return { unreadable: "encoding" };
  return {
    encoding: isUtf8 ? "utf-8" : "windows-1252",
    delimiter: headerDelimiter(head.toString("latin1")),
  };
}

/**
 * `sniffCsv` for a file already in memory (the agreement register's import, a few hundred rows):
 * the same encodings and separators, read alike.
 */
export function sniffCsvBytes(bytes: Uint8Array): SniffedCsv {
  const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWithUtf16Bom(chunk)) return { unreadable: "encoding" };
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  const isUtf8 = decodes(utf8, chunk) && decodes(utf8);
  const isWindows1252 = !undefinedInWindows1252.some((b) => chunk.includes(b));
  if (!isUtf8 && !isWindows1252) return { unreadable: "encoding" };
  return {
    encoding: isUtf8 ? "utf-8" : "windows-1252",
    delimiter: headerDelimiter(chunk.subarray(0, maxHeaderBytes).toString("latin1")),
  };
}

/** The header row is a few dozen bytes; a file with no line break in this many is no CSV. */
const maxHeaderBytes = 64 * 1024;

/** Bytes Windows-1252 leaves undefined: a file holding them is in another encoding. */
const undefinedInWindows1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

function startsWithUtf16Bom(chunk: Buffer): boolean {
  return (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
}

function decodes(decoder: InstanceType<typeof TextDecoder>, chunk?: Buffer): boolean {
  try {
    if (chunk === undefined) decoder.decode();
    else decoder.decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The header's column names hold neither separator: the one it has more of is the file's. */
function headerDelimiter(head: string): CsvFormat["delimiter"] {
  const header = head.split("\n", 1)[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  return count(";") > count(",") ? ";" : ",";
}
