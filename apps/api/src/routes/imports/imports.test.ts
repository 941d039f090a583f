import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { claimInstallationSecret, countSummary, listUnits } from "@samsyn/db";
import {
  aCase,
  anEvent,
  aRegionUnit,
  aUnit,
  type CaseRecord,
  type EventRecord,
  type InterchangeFiles,
  resetData,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
  writeSpreadsheetInterchange,
} from "@samsyn/db/testing";
import { interchangeFileNames, interchangeFiles, type Scope } from "@samsyn/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { App } from "../../app";
import { adminScope, authed, jsonInit, testApp, testScope, testSecret } from "../../testing";

/** Skatteverket's test personnummer: Luhn-valid, so screening must catch it. */
const personnummer = "19121212-1212";

const samordnare = testScope("samordnare", ["stockholms_stad"], "sam-stockholm");
const otherSamordnare = testScope("samordnare", ["stockholms_stad"], "sam-other");

/** Six Stockholm cases (k = 5, so the count is published), with a step and a region lead each. */
function county(): InterchangeFiles {
  const refs = Array.from({ length: 6 }, (_, i) => `ARENDE-${i + 1}`);
  return {
    units: [aUnit(), aRegionUnit()],
    cases: refs.map((ref) => aCase({ case_ref: ref, opened_on: "2024-03-01" })),
    events: refs.flatMap((ref) => [
      ...stepEvents(ref, "2024-03-01", [1, 2]),
      anEvent({
        case_ref: ref,
        occurred_at: "2024-03-03",
        type: "lead",
        step: "",
        unit_code: "rs_beroende",
      }),
    ]),
  };
}

/** The files as a browser's form would send them. */
async function form(files: InterchangeFiles, skip: readonly string[] = []): Promise<FormData> {
  return formOf(await writeInterchange(files), skip);
}

/** The files of `dir` as a browser's form would send them; the directory is removed. */
async function formOf(dir: string, skip: readonly string[] = []): Promise<FormData> {
  const data = new FormData();
  for (const file of interchangeFiles) {
    if (skip.includes(file)) continue;
    const name = interchangeFileNames[file];
    const text = await readFile(join(dir, name));
    data.append(file, new Blob([text], { type: "text/csv" }), name);
  }
  await rm(dir, { recursive: true, force: true });
  return data;
}

interface Report {
  ok: boolean;
  importId?: number | null;
  added?: Record<string, number>;
  skipped?: Record<string, number>;
  errors?: {
    file: string;
    line: number | null;
    column: string | null;
    code: string;
    message: string;
    value?: string;
  }[];
  errorCount?: number;
  notices?: { file: string; code: string; message: string }[];
  groups?: {
    file: string;
    column: string | null;
    code: string;
    message: string;
    value?: string;
    count: number;
    lines: (number | null)[];
  }[];
}

interface Job {
  id: string;
  state: "running" | "done" | "failed";
  progress: {
    file: string | null;
    rows: number;
    step?: { step: string; done?: number; total?: number };
  };
  report?: Report;
}

describe.each(testDatabases())("imports through the API on $name", (target) => {
  const database = useMigratedDatabase(target);
  let app: App;

  beforeEach(async () => {
    await resetData(database().db);
    app = testApp(database());
  });

  function post(mode: string, body: FormData, scope: Scope = adminScope, headers = {}) {
    return authed(app, `/api/v1/imports?mode=${mode}`, { method: "POST", body, headers }, scope);
  }

  async function check(files: InterchangeFiles, scope: Scope = adminScope): Promise<Report> {
    const res = await post("check", await form(files), scope);
    expect(res.status).toBe(200);
    return (await res.json()) as Report;
  }

  /** Commits and follows the job until it is over, as the dashboard does. */
  async function commit(files: InterchangeFiles, scope: Scope = adminScope): Promise<Job> {
    const res = await post("commit", await form(files), scope);
    expect(res.status).toBe(202);
    const { job } = (await res.json()) as { job: Job };
    expect(job).toMatchObject({ id: expect.any(String), state: "running" });
    return follow(job.id, scope);
  }

  async function follow(id: string, scope: Scope): Promise<Job> {
    for (let i = 0; i < 600; i++) {
      const polled = await authed(app, `/api/v1/imports/jobs/${id}`, {}, scope);
      expect(polled.status).toBe(200);
      const current = (await polled.json()) as Job;
      if (current.state !== "running") return current;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the import job did not finish");
  }

  async function summary() {
    return countSummary(database().db);
  }

  describe("happy path", () => {
    it("checks, commits as a job, and the cases show in the metrics", async () => {
      const report = await check(county());
      expect(report).toEqual({
        ok: true,
        importId: null,
        added: { units: 2, cases: 6, events: 18 },
        skipped: { units: 0, cases: 0, events: 0 },
        notices: [],
      });
      expect((await summary()).cases).toBe(0);

      const job = await commit(county());
      expect(job.state).toBe("done");
      // The files' rows, then the steps after them: the last, every case's facts derived.
      expect(job.progress).toMatchObject({
        file: "events.csv",
        rows: 18,
        step: { step: "deriving", done: 6, total: 6 },
      });
      expect(job.report).toMatchObject({ ok: true, added: { units: 2, cases: 6, events: 18 } });
      expect(job.report?.importId).toEqual(expect.any(Number));

      // Exact figures (the default cellkey mode would publish 6 cases as 5, 6 or 7).
      const exact = testApp(database(), {}, { disclosure: "suppression" });
      const metrics = await authed(exact, "/api/v1/metrics/cases?from=2024-03-01&to=2024-03-31");
      expect(await metrics.json()).toMatchObject({ total: 6, totalSuppressed: false });
      const listed = await authed(app, "/api/v1/imports");
      expect(await listed.json()).toEqual({
        items: [
          expect.objectContaining({
            id: job.report?.importId,
            actor: adminScope.sub,
            added: { units: 2, cases: 6, events: 18 },
          }),
        ],
      });
    });

    it("changes nothing when the same files are committed again", async () => {
      await commit(county());
      const before = await summary();
      const again = await commit(county());
      expect(again).toMatchObject({
        state: "done",
        report: {
          ok: true,
          added: { units: 0, cases: 0, events: 0 },
          skipped: { units: 2, cases: 6, events: 18 },
        },
      });
      expect(await summary()).toEqual(before);
    });

    it("audits a check and a commit, with counts and never the files' contents", async () => {
      await check(county());
      const job = await commit(county());
      const res = await authed(app, "/api/v1/audit-log?objectType=import");
      const { items } = (await res.json()) as { items: Record<string, unknown>[] };
      expect(items.map((i) => [i.action, i.outcome, i.objectId])).toEqual([
        ["import.commit", "ok", String(job.report?.importId)],
        ["import.check", "ok", null],
      ]);
      expect(JSON.stringify(items)).not.toContain("ARENDE");
    });
  });

  describe("rejected rows", () => {
    const withPersonnummer = () => ({
      ...county(),
      cases: [aCase({ case_ref: `ARENDE-${personnummer}` })],
      events: [],
    });

    it("reports a personnummer in a ref per row in Swedish, without the value", async () => {
      const report = await check(withPersonnummer());
      expect(report).toEqual({
        ok: false,
        errorCount: 1,
        errors: [
          {
            file: "cases.csv",
            line: 2,
            column: "case_ref",
            code: "identifier",
            message:
              "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
          },
        ],
        groups: [
          {
            file: "cases.csv",
            column: "case_ref",
            code: "identifier",
            message:
              "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
            count: 1,
            lines: [2],
          },
        ],
        notices: [],
      });
      expect(JSON.stringify(report)).not.toContain("1212");
    });

    it("names the rejected value and the valid codes, and groups alike rows with all their lines", async () => {
      const refs = Array.from({ length: 130 }, (_, i) => `ARENDE-${i + 1}`);
      const report = await check({
        units: [aUnit(), aRegionUnit()],
        cases: refs.map((ref) => aCase({ case_ref: ref, target_group: "okand_grupp" })),
        events: [],
      });
      expect(report.errorCount).toBe(130);
      expect(report.errors).toHaveLength(100);
      expect(report.errors?.[0]).toMatchObject({
        file: "cases.csv",
        line: 2,
        column: "target_group",
        code: "unknownCode",
        value: "okand_grupp",
      });
      const catalogue = (await (await authed(app, "/api/v1/catalogues")).json()) as {
        targetGroups: { code: string }[];
      };
      const codes = catalogue.targetGroups.map((g) => g.code).sort();
      // Few enough to list them all, or a few and how many (clients read the list, not a count).
      const valid =
        codes.length <= 12
          ? `Giltiga värden: ${codes.join(", ")}.`
          : `Giltiga värden är till exempel ${codes.slice(0, 5).join(", ")}; alla ${codes.length} finns i katalogen (GET /api/v1/catalogues).`;
      expect(report.errors?.[0]?.message).toBe(
        `Okänd kod: den finns inte i katalogen. Värdet i filen: ”okand_grupp”. ${valid}`,
      );
      expect(report.groups).toEqual([
        {
          file: "cases.csv",
          column: "target_group",
          code: "unknownCode",
          value: "okand_grupp",
          message: report.errors?.[0]?.message,
          count: 130,
          lines: refs.map((_, i) => i + 2),
        },
      ]);
    });

    it("never echoes a value that screening reads as an identifier, in any column or error", async () => {
      const hidden = ["19121212-1212", "121212 1212", "1912\u200b1212-1212"].map((v) =>
        JSON.parse(`"${v}"`),
      ) as string[];
      const report = await check({
        units: [aUnit(), aRegionUnit(), ...hidden.map((v) => aUnit({ unit_code: v }))],
        cases: hidden.map((v, i) => aCase({ case_ref: `A-${i}`, municipality_code: v })),
        events: hidden.map((v) => anEvent({ type: "join", step: "", unit_code: v })),
      });
      expect(report.errorCount).toBe(hidden.length * 3);
      expect(report.errors?.every((e) => e.code === "identifier" && !("value" in e))).toBe(true);
      expect(JSON.stringify(report)).not.toMatch(/1212/);
    });

    it("fails the commit job with the report and commits nothing", async () => {
      const job = await commit(withPersonnummer());
      expect(job).toMatchObject({ state: "failed", report: { ok: false, errorCount: 1 } });
      expect(await summary()).toEqual({ organisations: 0, units: 0, cases: 0, events: 0 });
      const listed = await authed(app, "/api/v1/imports");
      expect(await listed.json()).toEqual({ items: [] });
    });

    it("answers in English when the client prefers it", async () => {
      const res = await post("check", await form(withPersonnummer()), adminScope, {
        "Accept-Language": "en-GB,en;q=0.9,sv;q=0.5",
      });
      const report = (await res.json()) as Report;
      expect(report.errors?.[0]?.message).toMatch(/^The column contains a personal identity/);
    });

    it("gives a samordnare a per-row error for a case of another organisation's unit", async () => {
      await commit({ units: [aUnit(), aRegionUnit()] });
      const report = await check(
        {
          cases: [aCase(), aCase({ case_ref: "REGION-1", initiating_unit: "rs_beroende" })],
          events: [anEvent()],
        },
        samordnare,
      );
      expect(report).toMatchObject({
        ok: false,
        errorCount: 1,
        errors: [
          {
            file: "cases.csv",
            line: 3,
            column: "initiating_unit",
            code: "unitOutsideScope",
            value: "rs_beroende",
            message:
              "Enheten tillhör inte någon av dina organisationer. Värdet i filen: ”rs_beroende”.",
          },
        ],
      });
      const job = await commit({ cases: [aCase()], events: [anEvent()] }, samordnare);
      expect(job).toMatchObject({ state: "done", report: { added: { cases: 1, events: 1 } } });
    });
  });

  describe("spreadsheets and the installation secret", () => {
    it("checks and commits Excel's 'CSV (semikolonavgränsad)' in Windows-1252, saying how it read it", async () => {
      const files = county();
      const sheet = () =>
        writeSpreadsheetInterchange(
          {
            units: [aUnit({ unit_name: "Socialtjänsten Södermalm" }), aRegionUnit()],
            cases: files.cases as CaseRecord[],
            events: files.events as EventRecord[],
          },
          { delimiter: ";", encoding: "windows-1252" },
        );
      const res = await post("check", await formOf(await sheet()));
      expect(res.status).toBe(200);
      const report = (await res.json()) as Report;
      expect(report).toMatchObject({ ok: true, added: { units: 2, cases: 6, events: 18 } });
      expect(report.notices).toContainEqual({
        file: "units.csv",
        code: "windows1252",
        message:
          "Filen är inte UTF-8 utan Windows-1252 (som kalkylprogrammens ”CSV”) och konverterades till UTF-8.",
      });
      expect(report.notices?.filter((n) => n.code === "semicolonSeparated")).toHaveLength(3);
      const posted = await post("commit", await formOf(await sheet()));
      const { job } = (await posted.json()) as { job: Job };
      const done = await follow(job.id, adminScope);
      expect(done).toMatchObject({
        state: "done",
        report: { ok: true, notices: expect.any(Array) },
      });
      const units = await listUnits(database().db, adminScope);
      expect(units.map((u) => u.name)).toContain("Socialtjänsten Södermalm");
    });

    it("refuses an import with 409 and a Swedish explanation when the database has another secret", async () => {
      await claimInstallationSecret(database().db, "the-secret-of-the-restored-database-0001");
      const res = await post("check", await form(county()));
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("conflict");
      expect(body.error.message).toMatch(/^SAMSYN_SECRET är inte den hemlighet/);
      expect(body.error.message).toMatch(/importera alla filer på nytt/);
      const commit = await post("commit", await form(county()));
      expect(commit.status).toBe(409);
      expect(await summary()).toMatchObject({ cases: 0 });
    });

    it("imports when the recorded secret is the app's own", async () => {
      await claimInstallationSecret(database().db, testSecret);
      expect(await check(county())).toMatchObject({ ok: true });
    });
  });

  describe("security", () => {
    it.each(["lan", "ledning"] as const)("refuses %s with 403 and records it", async (role) => {
      const scope = testScope(role, ["stockholms_stad"]);
      for (const mode of ["check", "commit"]) {
        const res = await post(mode, await form(county()), scope);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      }
      expect((await authed(app, "/api/v1/imports", {}, scope)).status).toBe(403);
      expect((await authed(app, "/api/v1/imports/jobs/x", {}, scope)).status).toBe(403);
      expect((await summary()).units).toBe(0);
      const audit = await authed(app, "/api/v1/audit-log?objectType=import");
      const { items } = (await audit.json()) as {
        items: { action: string; role: string; outcome: string }[];
      };
      expect(items.map((i) => [i.action, i.role, i.outcome])).toEqual([
        ["import.commit", role, "denied"],
        ["import.check", role, "denied"],
      ]);
    });

    it("answers a ref of another organisation's case exactly as a ref that exists nowhere", async () => {
      await commit({
        units: [aUnit(), aRegionUnit()],
        cases: [aCase({ case_ref: "REGION-1", process: "sip", initiating_unit: "rs_beroende" })],
      });
      const rows = (ref: string) => [
        anEvent({ case_ref: ref }),
        // Not a step of REGION-1's process: that must not show through either.
        anEvent({ case_ref: ref, step: "10" }),
        anEvent({ case_ref: ref, type: "lead", step: "", unit_code: "rs_beroende" }),
        anEvent({ case_ref: ref, type: "consent", step: "", value: "withdrawn" }),
      ];
      for (const row of [0, 1, 2, 3]) {
        const answer = async (ref: string) => {
          const event = rows(ref)[row] ?? anEvent();
          const res = await post("check", await form({ events: [event] }), samordnare);
          return { status: res.status, body: await res.json() };
        };
        const hidden = await answer("REGION-1");
        expect(hidden).toEqual(await answer("NOWHERE-1"));
        expect(hidden.body).toMatchObject({ ok: false, errors: [{ code: "unknownCase" }] });
      }
    });

    it("answers 401 without a token", async () => {
      const res = await app.request("/api/v1/imports?mode=check", {
        method: "POST",
        body: await form(county()),
      });
      expect(res.status).toBe(401);
      expect((await app.request("/api/v1/imports")).status).toBe(401);
    });

    it("shows a job only to the user who started it (404 for others, admin too)", async () => {
      const res = await post("commit", await form({ units: [aUnit()] }), samordnare);
      const { job } = (await res.json()) as { job: Job };
      for (const other of [otherSamordnare, adminScope]) {
        const seen = await authed(app, `/api/v1/imports/jobs/${job.id}`, {}, other);
        expect(seen.status).toBe(404);
      }
      expect((await follow(job.id, samordnare)).state).toBe("done");
      const unknown = await authed(app, "/api/v1/imports/jobs/no-such-job", {}, samordnare);
      expect(unknown.status).toBe(404);
    });

    it("lists a samordnare's own imports only", async () => {
      await commit(county());
      await commit({ units: [aUnit()], cases: [aCase({ case_ref: "NY-1" })] }, samordnare);
      const mine = await authed(app, "/api/v1/imports", {}, samordnare);
      const { items } = (await mine.json()) as { items: { actor: string }[] };
      expect(items.map((i) => i.actor)).toEqual([samordnare.sub]);
      const all = await authed(app, "/api/v1/imports");
      expect(((await all.json()) as { items: unknown[] }).items).toHaveLength(2);
    });
  });

  describe("temporary files", () => {
    let previous: string | undefined;
    let root: string;
    beforeAll(async () => {
      // os.tmpdir() follows TMPDIR: a private one shows exactly what the uploads left behind.
      previous = process.env.TMPDIR;
      root = await mkdtemp(join(tmpdir(), "samsyn-upload-test-"));
      process.env.TMPDIR = root;
    });
    afterAll(async () => {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      await rm(root, { recursive: true, force: true });
    });
    const uploads = async () =>
      (await readdir(root)).filter((name) => name.startsWith("samsyn-upload-"));

    it("removes the uploaded files after a check, a commit and a refused upload", async () => {
      await check(county());
      await commit(county());
      expect((await post("check", await form(county(), ["cases"]))).status).toBe(400);
      expect(await uploads()).toEqual([]);
    });
  });

  describe("malformed requests", () => {
    async function errorOf(res: Response) {
      return ((await res.json()) as { error: { code: string; details: { path: string }[] } }).error;
    }

    it("refuses a missing file field with 400 naming it", async () => {
      const res = await post("check", await form(county(), ["events"]));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("bad_request");
      expect(error.details.map((d) => d.path)).toEqual(["events"]);
    });

    it("refuses an unknown field and a repeated file with 400", async () => {
      const body = await form(county());
      body.append("note", "hej");
      body.append("units", new Blob(["x"]), "units.csv");
      const error = await errorOf(await post("check", body));
      expect(error.details.map((d) => d.path).sort()).toEqual(["note", "units"]);
    });

    it("refuses an unknown or missing mode with 400", async () => {
      expect((await post("import", await form(county()))).status).toBe(400);
      const res = await authed(app, "/api/v1/imports", {
        method: "POST",
        body: await form(county()),
      });
      // POST without a mode: the query is validated before the body is read.
      expect(res.status).toBe(400);
    });

    it("refuses a JSON body with 415 saying what it takes", async () => {
      const res = await authed(app, "/api/v1/imports?mode=check", jsonInit("POST", {}));
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe("unsupported_media_type");
    });

    it("refuses a body that is not valid multipart with 400", async () => {
      const res = await authed(app, "/api/v1/imports?mode=check", {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=x" },
        body: '--x\r\nContent-Disposition: form-data; name="units"; filename="u.csv"\r\n\r\nabc',
      });
      expect(res.status).toBe(400);
      expect((await summary()).units).toBe(0);
    });
  });

  describe("body limits", () => {
    const limited = () =>
      testApp(database(), { http: { bodyLimitBytes: 1024, importMaxBytes: 8 * 1024 } });

    it("takes an upload larger than the JSON limit, up to its own", async () => {
      const res = await authed(limited(), "/api/v1/imports?mode=check", {
        method: "POST",
        body: await form(county()),
      });
      expect(res.status).toBe(200);
    });

    it("refuses a streamed upload past its limit with 413, and a declared one before reading", async () => {
      const big = county();
      big.events = Array.from({ length: 400 }, (_, i) =>
        anEvent({ occurred_at: `2024-03-01T10:${String(i % 60).padStart(2, "0")}` }),
      );
      const streamed = await authed(limited(), "/api/v1/imports?mode=check", {
        method: "POST",
        body: await form(big),
      });
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ error: { code: "payload_too_large" } });

      const declared = await authed(limited(), "/api/v1/imports?mode=check", {
        method: "POST",
        headers: {
          "Content-Type": "multipart/form-data; boundary=x",
          "Content-Length": String(64 * 1024),
        },
        body: "--x--",
      });
      expect(declared.status).toBe(413);
      expect((await summary()).units).toBe(0);
    });

    it("keeps the JSON limit on every other route", async () => {
      const res = await authed(
        limited(),
        "/api/v1/units",
        jsonInit("POST", { code: "x", name: "y".repeat(4096), organisation: "z" }),
      );
      expect(res.status).toBe(413);
    });
  });
});
