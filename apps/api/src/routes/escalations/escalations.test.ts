import { aCase, testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { stockholmDate } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aCaseEscalation,
  aLift,
  aResolution,
  aRoutineEscalation,
  authed,
  importAgreementCounty,
  jsonInit,
  stockholmAgreement,
  testApp,
  testScope,
} from "../../testing";

const lan = testScope("lan", [], "lena");
const admin = testScope("admin", [], "adam");
const ledning = testScope("ledning", ["stockholms_stad"], "leif");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");
const samordnare = testScope("samordnare", ["stockholms_stad"], "sam");
const nackaSamordnare = testScope("samordnare", ["nacka_kommun"], "nora");
const personnummer = "19121212-1212";

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface Escalation {
  id: string;
  about: Record<string, unknown>;
  level: number;
  status: string;
  resolvedOn: string | null;
  lifts: { level: number; note: string; liftedOn: string }[];
}

describe.each(testDatabases())("the escalations API on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const post = (path: string, payload: unknown, scope = lan) =>
    authed(app(), `/api/v1${path}`, jsonInit("POST", payload), scope);
  const get = (path: string, scope = lan) => authed(app(), `/api/v1${path}`, {}, scope);
  let caseId = 0;

  async function raised(payload: unknown = aRoutineEscalation, scope = lan): Promise<Escalation> {
    const res = await post("/escalations", payload, scope);
    expect(res.status).toBe(201);
    return (await res.json()) as Escalation;
  }

  const detailPaths = async (res: Response) =>
    ((await res.json()) as ErrorBody).error.details.map((d) => d.path);

  beforeAll(async () => {
    await importAgreementCounty(database(), { cases: [aCase({ case_ref: "ARENDE-A" })] });
    const list = (await (await get("/cases", admin)).json()) as { items: { id: number }[] };
    caseId = list.items[0]?.id ?? 0;
  });

  it("raises a case escalation at level 1, with the case id an integer even when sent as digits", async () => {
    const e = await raised(
      { ...aCaseEscalation(caseId), about: { kind: "case", caseId: String(caseId) } },
      samordnare,
    );
    expect(e).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      about: { kind: "case", caseId },
      organisations: ["region_stockholm", "stockholms_stad"],
      question: aCaseEscalation(caseId).question,
      level: 1,
      status: "open",
      openedOn: stockholmDate(Date.now()),
      resolvedOn: null,
      resolution: null,
      lifts: [],
      ageDays: 0,
    });
    expect((await get(`/escalations/${e.id}`, samordnare)).status).toBe(200);
  });

  it("answers a routine as it was given: with its agreement and section, or with neither", async () => {
    const agreement = await post("/agreements", stockholmAgreement);
    const { id: agreementId } = (await agreement.json()) as { id: string };
    const about = { kind: "routine", agreementId, section: "sip" };
    expect((await raised({ ...aRoutineEscalation, about })).about).toEqual(about);
    expect((await raised({ ...aRoutineEscalation, about: { kind: "routine" } })).about).toEqual({
      kind: "routine",
    });
  });

  it("answers 400 for an unknown field, inside `about` too, or a case id that is no integer", async () => {
    for (const body of [
      { ...aRoutineEscalation, priority: "hög" },
      { ...aRoutineEscalation, about: { kind: "routine", owner: "x" } },
      { ...aRoutineEscalation, about: { kind: "case", caseId: 1.5 } },
      { ...aRoutineEscalation, about: { kind: "annat" } },
      { ...aRoutineEscalation, question: "" },
    ]) {
      const res = await post("/escalations", body, samordnare);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe("bad_request");
    }
  });

  it("answers a case outside the samordnare's scope, or no case at all, with 404", async () => {
    const outside = await post("/escalations", aCaseEscalation(caseId), nackaSamordnare);
    expect(outside.status).toBe(404);
    for (const id of [999_999, "00000000-0000-4000-8000-000000000000"]) {
      const res = await post(
        "/escalations",
        { ...aCaseEscalation(caseId), about: { kind: "case", caseId: id } },
        samordnare,
      );
      expect(res.status).toBe(404);
    }
  });

  it("answers 403 to a role that may not raise this kind, or ledning naming others' dispute", async () => {
    for (const scope of [lan, admin, ledning])
      expect((await post("/escalations", aCaseEscalation(caseId), scope)).status).toBe(403);
    expect((await post("/escalations", aRoutineEscalation, samordnare)).status).toBe(403);
    expect((await post("/escalations", aRoutineEscalation, nackaLedning)).status).toBe(403);
    expect((await post("/escalations", aRoutineEscalation, ledning)).status).toBe(201);
  });

  it("answers 422 naming the field for too few or unknown organisations, agreement or section", async () => {
    const cases: [unknown, string][] = [
      [{ ...aRoutineEscalation, organisations: ["stockholms_stad"] }, "organisations"],
      [
        { ...aRoutineEscalation, organisations: ["stockholms_stad", "stockholms_stad"] },
        "organisations",
      ],
      [{ ...aRoutineEscalation, organisations: ["stockholms_stad", "okand"] }, "organisations"],
      [
        {
          ...aRoutineEscalation,
          about: { kind: "routine", agreementId: "00000000-0000-4000-8000-000000000000" },
        },
        "about.agreementId",
      ],
      [{ ...aRoutineEscalation, about: { kind: "routine", section: "budget" } }, "about.section"],
    ];
    for (const [body, path] of cases) {
      const res = await post("/escalations", body);
      expect(res.status).toBe(422);
      expect(await detailPaths(res)).toEqual([path]);
    }
  });

  it("screens the question, the note and the resolution: 422 naming the field, never the number", async () => {
    const question = await post("/escalations", {
      ...aRoutineEscalation,
      question: `Gäller ${personnummer}`,
    });
    const e = await raised();
    const note = await post(`/escalations/${e.id}/lift`, { note: `Se ${personnummer}` });
    const resolution = await post(`/escalations/${e.id}/resolve`, { resolution: personnummer });
    const answers = [
      [question, "question"],
      [note, "note"],
      [resolution, "resolution"],
    ] as const;
    for (const [res, field] of answers) {
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).not.toContain("1212");
      expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toEqual([field]);
    }
    expect(((await (await get(`/escalations/${e.id}`)).json()) as Escalation).level).toBe(1);
  });

  it("lifts 1 → 2 → 3, answers 409 above 3, resolves today, and 409 for anything after", async () => {
    const e = await raised(aCaseEscalation(caseId), samordnare);
    const second = await post(`/escalations/${e.id}/lift`, aLift, samordnare);
    expect(second.status).toBe(200);
    expect((await second.json()) as Escalation).toMatchObject({
      level: 2,
      lifts: [{ level: 2, note: aLift.note, liftedOn: stockholmDate(Date.now()) }],
    });
    expect((await post(`/escalations/${e.id}/lift`, aLift, ledning)).status).toBe(200);
    const above = await post(`/escalations/${e.id}/lift`, aLift, admin);
    expect(above.status).toBe(409);
    expect(((await above.json()) as ErrorBody).error.code).toBe("conflict");
    const resolved = await post(`/escalations/${e.id}/resolve`, aResolution, lan);
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toMatchObject({
      level: 3,
      status: "resolved",
      resolvedOn: stockholmDate(Date.now()),
      resolution: aResolution.resolution,
    });
    expect((await post(`/escalations/${e.id}/resolve`, aResolution)).status).toBe(409);
    expect((await post(`/escalations/${e.id}/lift`, aLift)).status).toBe(409);
  });

  it("answers 404 to who cannot see it and 403 to who sees but may not act", async () => {
    const onRoutine = await raised();
    const onCase = await raised(aCaseEscalation(caseId), samordnare);
    for (const path of [`/escalations/${onRoutine.id}/lift`, `/escalations/${onCase.id}/resolve`]) {
      const body = path.endsWith("lift") ? aLift : aResolution;
      expect((await post(path, body, nackaLedning)).status).toBe(404);
      expect((await post(path, body, nackaSamordnare)).status).toBe(404);
    }
    expect((await post(`/escalations/${onRoutine.id}/lift`, aLift, samordnare)).status).toBe(403);
    expect((await get(`/escalations/${onRoutine.id}`, nackaLedning)).status).toBe(404);
    expect((await get("/escalations/inte-ett-id")).status).toBe(404);
    expect(
      (await post("/escalations/00000000-0000-4000-8000-000000000000/lift", aLift)).status,
    ).toBe(404);
  });

  it("lists by status and level within the caller's scope, and audits every list", async () => {
    const e = await raised();
    await post(`/escalations/${e.id}/lift`, aLift);
    const ids = async (query: string, scope = lan) => {
      const res = await get(`/escalations${query}`, scope);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Escalation[] }).items;
    };
    const atLevel2 = await ids("?status=open&level=2");
    expect(atLevel2.map((x) => x.id)).toContain(e.id);
    expect(atLevel2.every((x) => x.level === 2 && x.status === "open")).toBe(true);
    expect((await ids("?status=resolved")).every((x) => x.status === "resolved")).toBe(true);
    expect(await ids("", nackaLedning)).toEqual([]);
    expect((await ids("", ledning)).length).toBeGreaterThan(0);
    expect((await get("/escalations?level=4")).status).toBe(400);
    const log = await get("/audit-log?action=escalation.list", admin);
    const rows = (
      (await log.json()) as { items: { actor: string; details: Record<string, unknown> }[] }
    ).items;
    expect(rows.find((r) => r.actor === "nina")?.details).toMatchObject({ escalationIds: [] });
    expect(rows.find((r) => r.actor === "lena" && r.details.level === 2)?.details).toMatchObject({
      status: "open",
      escalationIds: expect.arrayContaining([e.id]),
    });
  });
});
