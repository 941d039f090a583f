import { countSummary, importDirectory } from "@samsyn/db";
import {
  aCase,
  aRegionUnit,
  aUnit,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import { addDays, stockholmDate } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { adminScope, authed, jsonInit, testApp, testScope, testSecret } from "../../testing";

const samordnare = testScope("samordnare", ["stockholms_stad"], "sara");
const newCase = {
  ref: "VK-2025-0042",
  process: "intern_samsjuklighet",
  targetGroup: "samsjuklighet",
  ageGroup: "vuxen",
  municipality: "0180",
  openedOn: "2025-03-01",
  initiatingUnit: "stockholm_socialtjanst",
};
// Luhn-valid test personnummer: must never be stored or echoed.
const personnummer = "19121212-1212";

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

describe.each(testDatabases())("cases and events through the API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const post = (path: string, body: unknown) =>
    authed(app(), path, jsonInit("POST", body), samordnare);

  beforeAll(async () => {
    const dir = await writeInterchange({ units: [aUnit()] });
    const report = await importDirectory(database(), { dir, secret: testSecret });
    if (!report.ok) throw new Error("fixture import failed");
  });

  it("registers a case, records its events and reads them back", async () => {
    const created = await post("/api/v1/cases", newCase);
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(
      (
        await post(`/api/v1/cases/${id}/events`, {
          occurredAt: "2025-03-01",
          type: "step",
          step: 1,
        })
      ).status,
    ).toBe(201);
    const lead = {
      occurredAt: "2025-03-02T10:15:00+01:00",
      type: "lead",
      unitCode: "stockholm_socialtjanst",
    };
    expect((await post(`/api/v1/cases/${id}/events`, lead)).status).toBe(201);

    const res = await authed(app(), `/api/v1/cases/${id}`, {}, samordnare);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown> & { events: { type: string }[] };
    expect(body).toMatchObject({
      id,
      currentStep: 1,
      leadUnit: "stockholm_socialtjanst",
      closed: false,
    });
    expect(body.events.map((e) => e.type)).toEqual(["step", "lead"]);
    expect(JSON.stringify(body)).not.toContain(newCase.ref);
  });

  it("answers a second registration of the same ref with 409", async () => {
    const res = await post("/api/v1/cases", newCase);
    expect(res.status).toBe(409);
  });

  it("refuses a personnummer in the ref with 422 naming the field, echoing nothing, storing nothing", async () => {
    const before = await countSummary(database().db);
    const res = await post("/api/v1/cases", { ...newCase, ref: `pat ${personnummer}` });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("1212");
    expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toContain("ref");
    expect(await countSummary(database().db)).toEqual(before);
  });

  it("refuses a personnummer in an event's value with 422, and keeps the event out", async () => {
    const list = (await (await authed(app(), "/api/v1/cases", {}, samordnare)).json()) as {
      items: { id: number }[];
    };
    const id = list.items[0]?.id ?? 0;
    const before = await countSummary(database().db);
    const res = await post(`/api/v1/cases/${id}/events`, {
      occurredAt: "2025-04-01",
      type: "close",
      value: `avslutat för ${personnummer.replace("-", "")}`,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain("121212");
    expect(await countSummary(database().db)).toEqual(before);
  });

  it("rejects fields the caller may not set (role, createdBy, id) with 400", async () => {
    for (const extra of [{ role: "admin" }, { createdBy: "someone" }, { id: 1 }]) {
      const res = await post("/api/v1/cases", { ...newCase, ref: "VK-2", ...extra });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe("bad_request");
    }
  });

  it("rejects an unknown process and a date that does not exist with 422 naming each field", async () => {
    const res = await post("/api/v1/cases", {
      ...newCase,
      ref: "VK-3",
      process: "okand",
      openedOn: "2025-02-30",
    });
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as ErrorBody).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["process", "openedOn"]));
  });

  it("rejects a case id that is not a number with 400", async () => {
    const res = await authed(app(), "/api/v1/cases/abc", {}, samordnare);
    expect(res.status).toBe(400);
  });

  it("answers 404 for a case that does not exist, like one out of scope", async () => {
    const res = await authed(app(), "/api/v1/cases/999999", {}, samordnare);
    expect(res.status).toBe(404);
  });

  it("answers a case of another organisation as one that does not exist, and its ref as free", async () => {
    const dir = await writeInterchange({
      units: [aRegionUnit()],
      cases: [aCase({ case_ref: "REGION-9", initiating_unit: "rs_beroende" })],
    });
    expect(await importDirectory(database(), { dir, secret: testSecret })).toMatchObject({
      ok: true,
    });
    const answer = async (res: Response) => ({ status: res.status, body: await res.json() });
    const listed = await authed(app(), "/api/v1/cases?limit=500", {}, adminScope);
    const { items } = (await listed.json()) as { items: { id: number; initiatingUnit: string }[] };
    const regionId = items.find((c) => c.initiatingUnit === "rs_beroende")?.id ?? 0;
    const read = (id: number) => authed(app(), `/api/v1/cases/${id}`, {}, samordnare);
    expect(await answer(await read(regionId))).toEqual(await answer(await read(999_999)));
    const event = { occurredAt: "2025-03-02", type: "step", step: 1 };
    const write = (id: number) => post(`/api/v1/cases/${id}/events`, event);
    expect(await answer(await write(regionId))).toEqual(await answer(await write(999_999)));

    // A ref names a case within its organisation (ADR 0004): the region's REGION-9 is no
    // conflict for Stockholms stad, so registering it answers exactly as a ref used nowhere.
    const shape = async (res: Response) => {
      const body = (await res.json()) as Record<string, unknown>;
      return { status: res.status, keys: Object.keys(body).sort(), id: typeof body.id };
    };
    const usedThere = await post("/api/v1/cases", { ...newCase, ref: "REGION-9" });
    const usedNowhere = await post("/api/v1/cases", { ...newCase, ref: "FRESH-9" });
    expect(await shape(usedThere)).toEqual(await shape(usedNowhere));
    expect(usedThere.status).toBe(201);
    // Two cases now share the ref, each in its own organisation; the region's is untouched.
    const after = await authed(app(), "/api/v1/cases?limit=500", {}, adminScope);
    const all = ((await after.json()) as { items: { id: number; initiatingUnit: string }[] }).items;
    expect(all.find((c) => c.id === regionId)?.initiatingUnit).toBe("rs_beroende");
    // Within the organisation a ref is still one case: taken here is a conflict.
    const again = await post("/api/v1/cases", { ...newCase, ref: "REGION-9" });
    expect(again.status).toBe(409);
  });
  describe("stuck cases (?stuck=true)", () => {
    interface Summary {
      id: number;
      currentStep: number | null;
      stepOn: string | null;
      daysOver: number | null;
    }
    const today = stockholmDate(Date.now());
    const daysAgo = (n: number) => addDays(today, -n);
    const list = async (query: string, scope = samordnare) =>
      authed(app(), `/api/v1/cases${query}`, {}, scope);

    /** A case whose last step event is `stepOn`; its id. */
    async function aCaseInStep(ref: string, step: number, stepOn: string): Promise<number> {
      const created = await post("/api/v1/cases", { ...newCase, ref, openedOn: daysAgo(90) });
      const { id } = (await created.json()) as { id: number };
      const event = { occurredAt: stepOn, type: "step", step };
      expect((await post(`/api/v1/cases/${id}/events`, event)).status).toBe(201);
      return id;
    }

    it("lists only the caller's open cases past their step's target, with stepOn and daysOver", async () => {
      // intern_samsjuklighet: step 3 has 14 target days.
      const stuck = await aCaseInStep("VK-STUCK", 3, daysAgo(20));
      const within = await aCaseInStep("VK-WITHIN", 3, daysAgo(14));
      const res = await list("?stuck=true");
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: Summary[]; total: number };
      const ids = body.items.map((c) => c.id);
      expect(ids).toContain(stuck);
      expect(ids).not.toContain(within);
      expect(body.items.find((c) => c.id === stuck)).toMatchObject({
        currentStep: 3,
        stepOn: daysAgo(20),
        daysOver: 6,
      });
      expect(body.items.every((c) => c.daysOver !== null && c.daysOver > 0)).toBe(true);
      expect(body.total).toBe(body.items.length);

      const all = (await (await list("?stuck=false&limit=500")).json()) as { items: Summary[] };
      expect(all.items.find((c) => c.id === within)).toMatchObject({
        stepOn: daysAgo(14),
        daysOver: null,
      });
    });

    it("answers 400 for a stuck value other than true or false", async () => {
      const res = await list("?stuck=yes");
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(["stuck"]);
    });

    it.each(["ledning", "lan"] as const)(
      "refuses %s with 403: leaders see counts only",
      async (role) => {
        const res = await list("?stuck=true", testScope(role, ["stockholms_stad"]));
        expect(res.status).toBe(403);
      },
    );
  });
});
