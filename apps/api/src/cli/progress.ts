import type { ImportStep } from "@samsyn/db";
import { t } from "@samsyn/domain";

export interface ProgressUpdate {
  readonly file: string;
  readonly rows: number;
  readonly bytes?: number;
  readonly totalBytes?: number;
  /** The rows there are to do, when known without bytes (a refresh counts its cases first). */
  readonly totalRows?: number;
}

/** Swedish number formatting for every number the CLI prints: "10 000", "2,5". */
const whole = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const tenths = new Intl.NumberFormat("sv-SE", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatCount(n: number): string {
  return whole.format(n);
}

/** Seconds with one decimal, Swedish style: "2,5". */
export function formatSeconds(ms: number): string {
  return tenths.format(ms / 1000);
}

/**
 * A rate over less time than this says nothing (a thousand rows in a millisecond read as a
 * million rows per second), so the progress line shows none until a file has run this long.
 */
export const minRateMs = 1_000;

/**
 * Shows rows, rows/s and percent: on a terminal one line rewritten in place, otherwise a plain
 * line every few seconds (logs and CI keep readable output).
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
    return progressLine(update, Date.now() - fileStartedAt);
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
    /**
     * A line of its own between progress lines: the next step of a long run. `next` names what the
     * step's progress lines will count, so that their rate runs from here, not from the first.
     */
    step(text: string, next = ""): void {
      if (tty && currentFile !== "") stream.write("\n");
      currentFile = next;
      fileStartedAt = Date.now();
      stream.write(`${text}\n`);
      lastPrinted = 0;
    },
    done(): void {
      if (tty && currentFile !== "") stream.write("\n");
    },
  };
}

/**
 * Tells the steps of an import after its files are read (`importDirectory`'s `onStep`) through a
 * reporter: one line for each step, then the derivation counted chunk by chunk.
 */
export function importStepReporter(
  progress: ReturnType<typeof createProgressReporter>,
): (step: ImportStep) => void {
  return (step) => {
    if (step.step === "checking") progress.step(t("cli.import_checking"));
    else if (step.step === "storing") progress.step(t("cli.import_storing"));
    // Heard first with nothing done: the step is named once with its total, then counted.
    else if (step.done === 0) {
      progress.step(t("cli.import_deriving", { cases: formatCount(step.total) }), "case_facts");
    } else progress.update({ file: "case_facts", rows: step.done, totalRows: step.total });
  };
}

/** One progress line for a file that has run `elapsedMs`: its rate only once it means something. */
export function progressLine(update: ProgressUpdate, elapsedMs: number): string {
  const share =
    update.bytes !== undefined && update.totalBytes
      ? update.bytes / update.totalBytes
      : update.totalRows
        ? update.rows / update.totalRows
        : undefined;
  const percent = share === undefined ? "" : ` (${Math.min(100, Math.round(100 * share))} %)`;
  const params = { file: update.file, rows: formatCount(update.rows), percent };
  if (elapsedMs < minRateMs || update.rows === 0) return t("cli.progress_no_rate", params);
  return t("cli.progress", { ...params, rate: formatCount(update.rows / (elapsedMs / 1000)) });
}
