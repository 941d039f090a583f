import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";

/**
 * A CSV file written as a stream: rows gather into chunks of about 64 KiB, and the writer waits
 * for the disk when the stream asks it to (backpressure), so memory stays flat however many
 * rows are written.
 */
export interface CsvFile {
  add(rows: string): void;
  /** Resolves once the stream can take more; call between batches of rows. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

export function openCsvFile(path: string, header: string): CsvFile {
  const stream = createWriteStream(path, { encoding: "utf8" });
  let failure: unknown;
  stream.on("error", (error) => {
    failure = error;
  });
  let buffer = header;
  let mustWait = false;
  const flush = (): void => {
    if (buffer.length === 0) return;
    mustWait = !stream.write(buffer) || mustWait;
    buffer = "";
  };
  return {
    add(rows) {
      buffer += rows;
      if (buffer.length >= CHUNK) flush();
    },
    async ready() {
      if (failure !== undefined) throw failure;
      if (!mustWait) return;
      mustWait = false;
      await once(stream, "drain");
    },
    async close() {
      flush();
      stream.end();
      await finished(stream);
    },
  };
}
