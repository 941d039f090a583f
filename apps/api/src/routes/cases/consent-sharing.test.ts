import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { importDirectory } from "@samsyn/db";
import {
  anEvent,
  aRegionUnit,
  aUnit,
  type EventRecord,
  type InterchangeFiles,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import { interchangeFileNames, interchangeFiles, t } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { authed, jsonInit, testApp, testScope, testSecret } from "../../testing";

/**
 * One rule for both ways a samordnare records events (SPEC "Consent"; the domain's
 * `refusedIncomingEvents`): a case's unit-level details cross to another huvudman, by a `lead`
 * or `join`, only while consent is given — unless that huvudman holds the case already, or it
 * is the samordnare's own. Every scenario is put to the import check and to the API, on the
 * same case in the same state, and both must give the same verdict.
 */
const samordnare = testScope("samordnare", ["stockholms_stad"], "sara");
const units = [
  aUnit(),
  aUnit({ unit_code: "stockholm_beroende", unit_name: "Beroendeenheten Stockholm" }),
  aRegionUnit(),
  aRegionUnit({ unit_code: "rs_psyk", unit_name: "Psykiatrisk öppenvård" }),
  aUnit({
    unit_code: "solna_soc",
    unit_name: "Socialtjänsten Solna",
    organisation_code: "solna_stad",
    organisation_name: "Solna stad",
    municipality_code: "0184",
  }),
];

interface Attempt {
  readonly occurredAt: string;
  readonly type: "lead" | "join" | "leave";
  readonly unitCode: string;
}

/** Events stored before the attempt (by an admin import): a date, a type and its column. */
type Stored = readonly [string, "lead" | "join" | "consent", string][];

const scenarios: readonly {
  readonly name: string;
  readonly stored: Stored;
  readonly attempt: Attempt;
  readonly allowed: boolean;
}[] = [
  {
    name: "another kommun's unit joins, consent unset",
    stored: [],
    attempt: { occurredAt: "2024-03-03", type: "join", unitCode: "solna_soc" },
    allowed: false,
  },
  {
    name: "a region unit takes the lead, consent unset",
    stored: [],
    attempt: { occurredAt: "2024-03-03", type: "lead", unitCode: "rs_beroende" },
    allowed: false,
  },
  {
    name: "a region unit joins after consent is given",
    stored: [["2024-03-02", "consent", "given"]],
    attempt: { occurredAt: "2024-03-03", type: "join", unitCode: "rs_beroende" },
    allowed: true,
  },
  {
    name: "a region unit joins, dated before the consent",
    stored: [["2024-03-05", "consent", "given"]],
    attempt: { occurredAt: "2024-03-03", type: "join", unitCode: "rs_beroende" },
    allowed: false,
  },
  {
    name: "a region unit takes the lead after consent is declined",
    stored: [["2024-03-02", "consent", "declined"]],
    attempt: { occurredAt: "2024-03-03", type: "lead", unitCode: "rs_beroende" },
    allowed: false,
  },
  {
    name: "the region, which took part, takes the lead after consent is withdrawn",
    stored: [
      ["2024-03-02", "consent", "given"],
      ["2024-03-03", "join", "rs_beroende"],
      ["2024-03-04", "consent", "withdrawn"],
    ],
    attempt: { occurredAt: "2024-03-05", type: "lead", unitCode: "rs_beroende" },
    allowed: false,
  },
  {
    name: "the samordnare's own organisation's unit joins, consent unset",
    stored: [],
    attempt: { occurredAt: "2024-03-03", type: "join", unitCode: "stockholm_beroende" },
    allowed: true,
  },
  {
    name: "another region unit joins a case the region leads, consent unset",
    stored: [["2024-03-02", "lead", "rs_beroende"]],
    attempt: { occurredAt: "2024-03-03", type: "join", unitCode: "rs_psyk" },
    allowed: true,
  },
  {
    name: "Solna's unit joins a case Solna leads, after consent is withdrawn",
    stored: [
      ["2024-03-02", "consent", "given"],
      ["2024-03-03", "lead", "solna_soc"],
      ["2024-03-04", "consent", "withdrawn"],
    ],
    attempt: { occurredAt: "2024-03-05", type: "join", unitCode: "solna_soc" },
    allowed: true,
  },
  {
    name: "a region unit leaves, consent unset",
    stored: [],
    attempt: { occurredAt: "2024-03-03", type: "leave", unitCode: "rs_beroende" },
    allowed: true,
  },
];

describe.each(testDatabases())("the consent rule on both write paths on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());

  beforeAll(async () => {
    const report = await importAsAdmin({ units });
    if (!report.ok) throw new Error("fixture import failed");
  });

  async function importAsAdmin(files: InterchangeFiles) {
    const dir = await writeInterchange(files);
    try {
      return await importDirectory(database(), { dir, secret: testSecret });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A case Stockholm's samordnare registers, with `stored` recorded by admin; its id. */
  async function aCaseWith(ref: string, stored: Stored): Promise<number> {
    const created = await authed(
      app(),
      "/api/v1/cases",
      jsonInit("POST", {
        ref,
        process: "intern_samsjuklighet",
        targetGroup: "samsjuklighet",
        ageGroup: "vuxen",
        municipality: "0180",
        openedOn: "2024-03-01",
        initiatingUnit: "stockholm_socialtjanst",
      }),
      samordnare,
    );
    expect(created.status).toBe(201);
    const events = stored.map(([occurred_at, type, column]) =>
      anEvent(storedRow(ref, occurred_at, type, column)),
    );
    expect(await importAsAdmin({ events })).toMatchObject({ ok: true });
    return ((await created.json()) as { id: number }).id;
  }

  async function checkImport(row: EventRecord): Promise<unknown> {
    const dir = await writeInterchange({ events: [row] });
    const body = new FormData();
    for (const file of interchangeFiles) {
      const name = interchangeFileNames[file];
      body.append(file, new Blob([await readFile(join(dir, name))], { type: "text/csv" }), name);
    }
    await rm(dir, { recursive: true, force: true });
    const res = await authed(
      app(),
      "/api/v1/imports?mode=check",
      { method: "POST", body },
      samordnare,
    );
    expect(res.status).toBe(200);
    return res.json();
  }

  it.each(scenarios.map((s, i) => ({ ...s, ref: `SAMTYCKE-${i + 1}` })))(
    "$name: allowed $allowed on both",
    async ({ ref, stored, attempt, allowed }) => {
      const id = await aCaseWith(ref, stored);
      const row = anEvent({
        case_ref: ref,
        occurred_at: attempt.occurredAt,
        type: attempt.type,
        step: "",
        unit_code: attempt.unitCode,
      });

      const imported = await checkImport(row);
      const appended = await authed(
        app(),
        `/api/v1/cases/${id}/events`,
        jsonInit("POST", attempt),
        samordnare,
      );

      if (allowed) {
        expect(imported).toMatchObject({ ok: true, added: { events: 1 } });
        expect(appended.status).toBe(201);
        return;
      }
      expect(imported).toMatchObject({
        ok: false,
        errorCount: 1,
        errors: [
          {
            file: "events.csv",
            line: 2,
            column: "unit_code",
            code: "consentRequired",
            // The import report also names the unit (a code, never an identifier).
            message: expect.stringContaining(t("import.error.consentRequired")),
          },
        ],
      });
      expect(appended.status).toBe(422);
      expect(await appended.json()).toEqual({
        error: {
          code: "unprocessable",
          message: t("error.unprocessable"),
          details: [{ path: "unitCode", message: t("import.error.consentRequired") }],
        },
      });
      const read = await authed(app(), `/api/v1/cases/${id}`, {}, samordnare);
      const { events } = (await read.json()) as { events: unknown[] };
      expect(events).toHaveLength(stored.length);
    },
  );

  it("lets the other organisation read the case only once its unit was let in", async () => {
    const solna = testScope("samordnare", ["solna_stad"], "sol");
    const id = await aCaseWith("SAMTYCKE-LAS", []);
    const join = { occurredAt: "2024-03-03", type: "join", unitCode: "solna_soc" };
    const append = (body: unknown) =>
      authed(app(), `/api/v1/cases/${id}/events`, jsonInit("POST", body), samordnare);
    expect((await append(join)).status).toBe(422);
    expect((await authed(app(), `/api/v1/cases/${id}`, {}, solna)).status).toBe(404);
    expect(
      (await append({ occurredAt: "2024-03-02", type: "consent", value: "given" })).status,
    ).toBe(201);
    expect((await append(join)).status).toBe(201);
    expect((await authed(app(), `/api/v1/cases/${id}`, {}, solna)).status).toBe(200);
  });
});

function storedRow(ref: string, occurred_at: string, type: string, column: string) {
  return type === "consent"
    ? { case_ref: ref, occurred_at, type, step: "", value: column }
    : { case_ref: ref, occurred_at, type, step: "", unit_code: column };
}
