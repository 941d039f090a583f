import { t } from "@samsyn/domain";

export interface ProgressUpdate {
  readonly file: string;
  readonly rows: number;
  readonly bytes?: number;
  readonly totalBytes?: number;
}

/**
 * Shows rows/s and percent: on a terminal one line rewritten in place, otherwise a plain line
 * every few seconds (logs and CI keep readable output).
 */
export function createProgressReporter(
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 2_000,
) {
  const tty = stream.isTTY === true;
  const startedAt = Date.now();
  let fileStartedAt = startedAt;
  let currentFile = "";
  let lastPrinted = 0;

  function line(update: ProgressUpdate): string {
    const seconds = Math.max((Date.now() - fileStartedAt) / 1000, 0.001);
    const rate = Math.round(update.rows / seconds).toLocaleString("sv-SE");
    const percent =
      update.bytes !== undefined && update.totalBytes
        ? ` (${Math.min(100, Math.round((100 * update.bytes) / update.totalBytes))} %)`
        : "";
    return t("cli.progress", {
      file: update.file,
      rows: update.rows.toLocaleString("sv-SE"),
      rate,
      percent,
    });
  }

  return {
    update(update: ProgressUpdate): void {
      if (update.file !== currentFile) {
        if (tty && currentFile !== "") stream.write("\n");
        currentFile = update.file;
        fileStartedAt = Date.now();
      }
      const now = Date.now();
      if (tty) {
        if (now - lastPrinted < 100) return;
        stream.write(`\r${line(update)}\u001b[K`);
      } else {
        if (now - lastPrinted < intervalMs) return;
        stream.write(`${line(update)}\n`);
      }
      lastPrinted = now;
    },
    done(): void {
      if (tty && currentFile !== "") stream.write("\n");
    },
  };
}
