import { describe, expect, it } from "vitest";
import {
  createProgressReporter,
  formatCount,
  formatSeconds,
  importStepReporter,
  minRateMs,
  progressLine,
} from "./progress";

/** sv-SE groups thousands with a no-break space; the tests read it as any space. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the CLI's progress line", () => {
  it("shows no rate while a file has run too short for one to mean anything", () => {
    // A thousand demo cases in a millisecond once printed "1 000 000 rader/s".
    expect(plain(progressLine({ file: "cases", rows: 1_000 }, 1))).toBe("cases: 1 000 rader");
    expect(plain(progressLine({ file: "cases", rows: 1_000 }, minRateMs - 1))).toBe(
      "cases: 1 000 rader",
    );
  });

  it("shows the rate, Swedish style, once it has run a while, and the share of the file", () => {
    const update = { file: "events.csv", rows: 250_000, bytes: 50, totalBytes: 200 };
    expect(plain(progressLine(update, 2_500))).toBe(
      "events.csv: 250 000 rader, 100 000 rader/s (25 %)",
    );
    expect(plain(progressLine({ file: "cases", rows: 0 }, 5_000))).toBe("cases: 0 rader");
    // A refresh knows its cases, not bytes.
    expect(plain(progressLine({ file: "case_facts", rows: 3, totalRows: 4 }, 10))).toBe(
      "case_facts: 3 rader (75 %)",
    );
  });

  it("formats every count and duration the same way", () => {
    expect(plain(formatCount(10_000))).toBe("10 000");
    expect(plain(formatCount(1_234.6))).toBe("1 235");
    expect(formatSeconds(2_345)).toBe("2,3");
  });

  it("writes a plain line to a stream that is not a terminal", () => {
    let written = "";
    const stream = {
      isTTY: false,
      write: (s: string) => (written += s),
    } as unknown as NodeJS.WriteStream;
    const progress = createProgressReporter(stream, 0);
    progress.update({ file: "cases", rows: 1_000 });
    progress.done();
    expect(plain(written)).toBe("cases: 1 000 rader\n");
  });

  it("names each step of an import after its files on a line of its own, then counts the derivation", () => {
    for (const isTTY of [false, true]) {
      let written = "";
      const stream = {
        isTTY,
        write: (s: string) => (written += s),
      } as unknown as NodeJS.WriteStream;
      const progress = createProgressReporter(stream, 0);
      const onStep = importStepReporter(progress);
      progress.update({ file: "events.csv", rows: 4, bytes: 10, totalBytes: 10 });
      onStep({ step: "checking" });
      onStep({ step: "storing" });
      onStep({ step: "deriving", done: 0, total: 300_000 });
      onStep({ step: "deriving", done: 300_000, total: 300_000 });
      progress.done();
      // A terminal rewrites a progress line in place (\r … erase to its end); a log gets lines.
      const lines = plain(written)
        .split("\n")
        .map((line) => line.replace(/^\r/, "").replace("\u001b[K", ""));
      expect(lines).toEqual([
        "events.csv: 4 rader (100 %)",
        "Filerna är lästa: kontrollerar hänvisningarna…",
        "Sparar enheter, ärenden och händelser…",
        "Räknar fram måttens underlag för 300 000 ärenden…",
        "case_facts: 300 000 rader (100 %)",
        "",
      ]);
    }
  });
});
