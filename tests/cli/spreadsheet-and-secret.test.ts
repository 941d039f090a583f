import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countSummary, createDb } from "@samsyn/db";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  stepEvents,
  writeSpreadsheetInterchange,
} from "@samsyn/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, startSamsyn } from "../support/samsyn-process";

const secretA = "the-secret-this-database-was-made-with-0001";
const secretB = "another-secret-after-a-careless-restore-0002";

/**
 * Issue 15 as a county's IT department met it: files saved by Excel as "CSV
 * (semikolonavgränsad)" (Windows-1252, semicolons, kommunkod 0180 read as the number 180), and a
 * database restored and run under another SAMSYN_SECRET.
 */
describe("samsyn with a spreadsheet's files and a restored database's secret", () => {
  let work: string;
  const env = (secret: string) => ({
    DATABASE_URL: undefined,
    SAMSYN_DATA_DIR: join(work, "data"),
    SAMSYN_SECRET: secret,
  });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "samsyn-sheet-cli-"));
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  // Each test runs the CLI on PGlite several times: minutes when the machine is shared.
  const minutes = { timeout: 420_000 };

  const county = (municipality: string) => ({
    units: [aUnit({ unit_name: "Socialtjänsten Södermalm" }), aRegionUnit()],
    cases: [aCase({ municipality_code: municipality })],
    events: [
      ...stepEvents("ARENDE-0001", "2024-03-01", [1, 2]),
      anEvent({ occurred_at: "2024-05-02", type: "close", step: "", value: "Åtgärd klar" }),
    ],
  });

  it(
    "names each error's place without ':null:', says how the files were read, then imports the corrected files",
    minutes,
    async () => {
      const dir = await writeSpreadsheetInterchange(county("180"), {
        delimiter: ";",
        encoding: "windows-1252",
      });
      // A row with a column too many: an error of the row, not of a column.
      const events = join(dir, "events.csv");
      await writeFile(
        events,
        Buffer.concat([
          Buffer.from("case_ref;occurred_at;type;step;unit_code;value\r\n"),
          Buffer.from("ARENDE-0001;2024-03-01;step;1;;;extra\r\n"),
        ]),
      );
      const refused = await runCli(["import", "--dir", dir], env(secretA));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(
        /units\.csv: Filen är inte UTF-8 utan Windows-1252 \(som kalkylprogrammens ”CSV”\) och konverterades till UTF-8\./,
      );
      expect(refused.stderr).toMatch(/units\.csv: Filen är semikolonavgränsad/);
      expect(refused.stderr).toContain(
        "cases.csv:2:municipality_code: Okänd kod: kommunkoden saknar troligen en inledande nolla (0180).",
      );
      expect(refused.stderr).toMatch(/Värdet i filen: ”180”/);
      expect(refused.stderr).toMatch(
        /events\.csv:2: Fel antal kolumner: 6 ska finnas, raden har 7\./,
      );
      expect(refused.stderr).not.toMatch(/null/);
      expect(await countsIn()).toMatchObject({ cases: 0, events: 0 });

      const corrected = await writeSpreadsheetInterchange(county("0180"), {
        delimiter: ";",
        encoding: "windows-1252",
      });
      const done = await runCli(["import", "--dir", corrected], env(secretA));
      expect(done.stderr).toMatch(/Importen klar: 2 enheter, 1 ärenden och 3 händelser tillagda/);
      expect(done.code).toBe(0);
      expect(await countsIn()).toMatchObject({ units: 2, cases: 1, events: 3 });
    },
  );

  it(
    "refuses migrate, import and serve under another secret than the database's, and takes its own",
    minutes,
    async () => {
      // The database above was migrated under secret A by its first import.
      const migrated = await runCli(["migrate"], env(secretB));
      expect(migrated.code).toBe(1);
      expect(migrated.stderr).toMatch(/Fel: SAMSYN_SECRET är inte den hemlighet/);
      expect(migrated.stderr).not.toMatch(/\n\s+at /);

      const dir = await writeSpreadsheetInterchange(county("0180"), {
        delimiter: ",",
        encoding: "utf-8",
      });
      const imported = await runCli(["import", "--dir", dir], env(secretB));
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(/SAMSYN_SECRET är inte den hemlighet/);
      expect(await countsIn()).toMatchObject({ cases: 1, events: 3 });

      const served = await startSamsyn("serve", env(secretB)).catch((e: unknown) => e);
      expect(served).toBeInstanceOf(Error);
      expect(String(served)).toMatch(/exited early[\s\S]*SAMSYN_SECRET är inte den hemlighet/);

      const own = await runCli(["import", "--dir", dir], env(secretA));
      expect(own.stderr).toMatch(/Importen klar: 0 enheter, 0 ärenden och 0 händelser tillagda/);
      const samsyn = await startSamsyn("serve", env(secretA));
      await samsyn.stop();
    },
  );

  /** What the database holds (opened after the CLI has exited). */
  async function countsIn() {
    const database = await createDb({ dataDir: join(work, "data") });
    try {
      return await countSummary(database.db);
    } finally {
      await database.close();
    }
  }
});
