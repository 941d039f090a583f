import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { stockholmsLan } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  authed,
  importAgreementCounty,
  jsonInit,
  stockholmAgreement,
  testApp,
  testScope,
} from "../../testing";

const lan = testScope("lan", [], "lena");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");
const personnummer = "19121212-1212";

const body = stockholmAgreement;

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface Agreement {
  id: string;
  status: string;
  revision: number;
  reviewBy: string;
  replacedBy: string | null;
}

describe.each(testDatabases())("the agreements API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const send = (method: "POST" | "PATCH", path: string, payload: unknown, scope = lan) =>
    authed(app(), `/api/v1${path}`, jsonInit(method, payload), scope);
  const get = (path: string, scope = lan) => authed(app(), `/api/v1${path}`, {}, scope);

  async function created(payload: unknown = body): Promise<Agreement> {
    const res = await send("POST", "/agreements", payload);
    expect(res.status).toBe(201);
    return (await res.json()) as Agreement;
  }

  beforeAll(async () => {
    await importAgreementCounty(database());
  });

  it("creates a draft with a UUID, revision 1 and the default review date", async () => {
    const a = await created();
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a).toMatchObject({
      status: "draft",
      revision: 1,
      replacedBy: null,
      reviewBy: "2026-11-30",
    });
  });

  it("answers 400 for an unknown field or a date that does not exist, and stores nothing", async () => {
    const before = ((await (await get("/agreements")).json()) as { items: unknown[] }).items.length;
    const unknown = await send("POST", "/agreements", { ...body, budget: 100 });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.code).toBeTypeOf("string");
    expect((await send("POST", "/agreements", { ...body, validFrom: "2026-02-30" })).status).toBe(
      400,
    );
    const after = ((await (await get("/agreements")).json()) as { items: unknown[] }).items.length;
    expect(after).toBe(before);
  });

  it("says in Swedish, beside each field, why the body was refused", async () => {
    const { title: _, ...withoutTitle } = body;
    const res = await send("POST", "/agreements", {
      ...withoutTitle,
      level: "region",
      parties: [],
      validFrom: "2026-1-1",
      validTo: "2026-02-30",
      documentUrl: "ftp://x",
      sections: [{ kind: "sip", title: "", text: "" }],
    });
    expect(res.status).toBe(400);
    const details = ((await res.json()) as ErrorBody).error.details;
    expect(Object.fromEntries(details.map((d) => [d.path, d.message]))).toEqual({
      title: "Saknas eller har fel form: ska vara text.",
      level: "Ska vara ett av: lan, lokal.",
      parties: "Minst 1 val.",
      validFrom: "Ska vara ett datum som ÅÅÅÅ-MM-DD.",
      validTo: "Datumet finns inte.",
      documentUrl: "en webbadress (http/https)",
      "sections.0.title": "Får inte vara tomt.",
    });
  });

  it("answers 422 naming the field when a text holds a personnummer, and never echoes it", async () => {
    const res = await send("POST", "/agreements", {
      ...body,
      sections: [{ kind: "tvister", title: "Tvister", text: `Se ärendet för ${personnummer}` }],
    });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toContain("1212");
    expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toEqual([
      "sections.0.text",
    ]);
  });

  it("answers 409 for a stale expectedRevision and for a transition the rules do not allow", async () => {
    const a = await created();
    const first = await send("PATCH", `/agreements/${a.id}`, {
      title: "Ny titel",
      expectedRevision: 1,
    });
    expect(first.status).toBe(200);
    expect(((await first.json()) as Agreement).revision).toBe(2);
    const stale = await send("PATCH", `/agreements/${a.id}`, {
      title: "Annan titel",
      expectedRevision: 1,
    });
    expect(stale.status).toBe(409);
    expect(
      (await send("POST", `/agreements/${a.id}/status`, { status: "under_review" })).status,
    ).toBe(409);
    expect((await send("POST", `/agreements/${a.id}/status`, { status: "active" })).status).toBe(
      200,
    );
  });

  it("makes no new revision when a PATCH repeats what is stored, sections included", async () => {
    const a = await created();
    const same = await send("PATCH", `/agreements/${a.id}`, {
      sections: body.sections,
      title: body.title,
      expectedRevision: 1,
    });
    expect(same.status).toBe(200);
    expect(((await same.json()) as Agreement).revision).toBe(1);
  });

  it("shows coverage for every kommun × statutory målgrupp, closing the gap once an agreement is active", async () => {
    const coverage = async (scope = lan) =>
      (await (await get("/agreements/coverage?asOf=2026-12-03", scope)).json()) as {
        asOf: string;
        targetGroups: string[];
        cells: {
          municipality: string;
          targetGroup: string;
          covered: boolean;
          agreements: string[];
        }[];
      };
    const cell = (c: Awaited<ReturnType<typeof coverage>>) =>
      c.cells.find((x) => x.municipality === "0182" && x.targetGroup === "missbruk_beroende");
    const before = await coverage();
    expect(before.asOf).toBe("2026-12-03");
    expect(before.cells).toHaveLength(stockholmsLan.length * before.targetGroups.length);
    expect(cell(before)?.covered).toBe(false);
    const a = await created({
      ...body,
      parties: ["nacka_kommun", "region_stockholm"],
      municipalities: ["0182"],
    });
    await send("POST", `/agreements/${a.id}/status`, { status: "active" });
    expect(cell(await coverage())).toMatchObject({ covered: true, agreements: [a.id] });
    // Ledning of another kommun sees that the cell is covered, not which agreement covers it.
    expect(cell(await coverage(ledning))).toMatchObject({ covered: true, agreements: [] });
    expect(cell(await coverage(nackaLedning))).toMatchObject({ covered: true, agreements: [a.id] });
  });

  it("filters the register by review due, and refuses a filter it cannot read", async () => {
    expect((await get("/agreements?reviewDue=soon")).status).toBe(400);
    const res = await get("/agreements?reviewDue=overdue&status=active");
    expect(res.status).toBe(200);
    const items = ((await res.json()) as { items: Agreement[] }).items;
    const today = new Date().toISOString().slice(0, 10);
    expect(items.every((a) => a.status === "active" && a.reviewBy < today)).toBe(true);
  });

  it("hides an agreement from ledning of an organisation that is no party, with 404", async () => {
    const a = await created();
    expect((await get(`/agreements/${a.id}`, ledning)).status).toBe(200);
    expect((await get(`/agreements/${a.id}`, nackaLedning)).status).toBe(404);
    expect((await get("/agreements/not-a-uuid", lan)).status).toBe(404);
    const list = (await (await get("/agreements", nackaLedning)).json()) as { items: Agreement[] };
    expect(list.items.some((x) => x.id === a.id)).toBe(false);
  });

  it("logs a deviation, lists it per section, and closes it once", async () => {
    const a = await created();
    const logged = await send("POST", `/agreements/${a.id}/deviations`, {
      kind: "tvist",
      section: "sip",
      occurredOn: "2026-11-02",
      organisations: ["stockholms_stad", "region_stockholm"],
      description: "Oenighet om vem som kallar till SIP.",
    });
    expect(logged.status).toBe(201);
    const deviation = (await logged.json()) as { id: string; status: string };
    expect(deviation.status).toBe("open");
    const close = () =>
      send("PATCH", `/agreements/${a.id}/deviations/${deviation.id}`, {
        status: "closed",
        resolution: "Regionen kallar.",
      });
    expect((await close()).status).toBe(200);
    expect((await close()).status).toBe(409);
    const detail = (await (await get(`/agreements/${a.id}`)).json()) as {
      deviationsBySection: { section: string; open: number; total: number }[];
      revisions: { revision: number; changedBy: string }[];
    };
    expect(detail.deviationsBySection.find((s) => s.section === "sip")).toEqual({
      section: "sip",
      open: 0,
      total: 1,
    });
    expect(detail.revisions).toEqual([expect.objectContaining({ revision: 1, changedBy: "lena" })]);
  });
});
