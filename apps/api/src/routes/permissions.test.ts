import { importDirectory } from "@samsyn/db";
import {
  aCase,
  aRegionUnit,
  aUnit,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import {
  interchangeColumns,
  interchangeFiles,
  type Role,
  registerHeader,
  roles,
  type Scope,
} from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  aDeviation,
  anIndicator,
  authed,
  createEscalationFixtures,
  createEvaluationFixtures,
  createForumFixtures,
  type EscalationFixtures,
  type EvaluationFixtures,
  escalationCall,
  evaluationCall,
  type ForumFixtures,
  forumCall,
  forumRequest,
  insertEvaluation,
  jsonInit,
  stockholmAgreement,
  testApp,
  testScope,
  testSecret,
} from "../testing";
import { permissions } from "./permissions";

/** A county of three organisations; the matrix acts on case ARENDE-A of Stockholms stad. */
const county = {
  units: [
    aUnit(),
    aRegionUnit(),
    aUnit({
      unit_code: "nacka_socialtjanst",
      unit_name: "Socialtjänsten Nacka",
      organisation_code: "nacka_kommun",
      organisation_name: "Nacka kommun",
      municipality_code: "0182",
    }),
  ],
  cases: [
    aCase({ case_ref: "ARENDE-A" }),
    aCase({
      case_ref: "ARENDE-N",
      municipality_code: "0182",
      initiating_unit: "nacka_socialtjanst",
    }),
  ],
  events: [
    ...stepEvents("ARENDE-A", "2024-03-01", [1, 2]),
    ...stepEvents("ARENDE-N", "2024-03-01", [1]),
  ],
};

const inScopeOrgs = ["stockholms_stad"];
const outOfScopeOrgs = ["nacka_kommun"];

interface Call {
  readonly path: string;
  readonly init?: RequestInit;
}

/** The parameters an operation cannot do without. */
const requiredQuery: Record<string, string> = {
  "GET /api/v1/metrics/lead-times": "?process=intern_samsjuklighet&fromStep=1&toStep=3",
  "GET /api/v1/metrics/flow": "?process=intern_samsjuklighet",
  "GET /api/v1/metrics/trend": "?measure=opened",
  "GET /api/v1/metrics/network": "?level=principalType",
};

/** What the calls act on: a case, an agreement of Stockholms stad and the region, and fresh ones. */
interface Fixtures {
  readonly caseId: number;
  readonly agreementId: string;
  /** A draft agreement not used before, so that `draft → active` succeeds on every call. */
  nextDraft(): string;
  /** An open deviation of `agreementId` not used before, so that closing succeeds every time. */
  nextDeviation(): string;
  /** A forum of Stockholms stad and the region, with meetings and actions to act on. */
  readonly forums: ForumFixtures;
  /** Escalations about the case, raised by its samordnare, to read, lift and resolve. */
  readonly escalations: EscalationFixtures;
  /** Sessions of Stockholms stad and the region in each phase, and a forum to lift to. */
  readonly evaluations: EvaluationFixtures;
  /** A session of Stockholms stad and the region, whose live board the matrix opens. */
  readonly evaluationId: string;
}

function registerCsvInit(): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "text/csv" },
    body: `${registerHeader(1).join(",")}\r\n`,
  };
}

let serial = 0;
/** One request per operation; writes are unique per call so that repeats are not conflicts. */
function callFor(operation: string, fixtures: Fixtures): Call {
  serial += 1;
  const { caseId, agreementId } = fixtures;
  const forum = forumCall(operation, fixtures.forums);
  if (forum !== undefined) return forumRequest(forum);
  const evaluation = evaluationCall(operation, fixtures.evaluations);
  if (evaluation !== undefined)
    return {
      path: evaluation.path,
      init: evaluation.method === "GET" ? { method: "GET" } : jsonInit("POST", evaluation.body),
    };
  const escalation = escalationCall(operation, fixtures.escalations);
  if (escalation !== undefined)
    return {
      path: escalation.path,
      init: escalation.method === "GET" ? { method: "GET" } : jsonInit("POST", escalation.body),
    };
  switch (operation) {
    case "POST /api/v1/dev/sign-in":
      return { path: "/api/v1/dev/sign-in", init: jsonInit("POST", { role: "lan", orgs: [] }) };
    case "GET /api/v1/evaluations/{id}/events":
      return {
        path: `/api/v1/evaluations/${fixtures.evaluationId}/events`,
        init: { method: "GET" },
      };
    case "POST /api/v1/units":
      return {
        path: "/api/v1/units",
        init: jsonInit("POST", {
          code: `ny_enhet_${serial}`,
          name: "Ny enhet",
          organisation: "stockholms_stad",
        }),
      };
    case "POST /api/v1/cases":
      return {
        path: "/api/v1/cases",
        init: jsonInit("POST", {
          ref: `NYTT-${serial}`,
          process: "sip",
          targetGroup: "missbruk_beroende",
          ageGroup: "vuxen",
          municipality: "0180",
          openedOn: "2025-01-15",
          initiatingUnit: "stockholm_socialtjanst",
        }),
      };
    case "POST /api/v1/imports": {
      // A check of three header-only files: nothing to refuse, so admin and samordnare get 200.
      const body = new FormData();
      for (const file of interchangeFiles) {
        const header = `${interchangeColumns[file].join(",")}\r\n`;
        body.append(file, new Blob([header], { type: "text/csv" }), `${file}.csv`);
      }
      return { path: "/api/v1/imports?mode=check", init: { method: "POST", body } };
    }
    case "POST /api/v1/agreements":
      return { path: "/api/v1/agreements", init: jsonInit("POST", stockholmAgreement) };
    case "POST /api/v1/agreements/import":
      // A register of no rows: nothing to refuse, so lan and admin get 200.
      return { path: "/api/v1/agreements/import", init: registerCsvInit() };
    case "PATCH /api/v1/agreements/{id}":
      // The title it has: no new revision, so expectedRevision 1 stays current for every call.
      return {
        path: `/api/v1/agreements/${agreementId}`,
        init: jsonInit("PATCH", { title: stockholmAgreement.title, expectedRevision: 1 }),
      };
    case "POST /api/v1/agreements/{id}/status":
      return {
        path: `/api/v1/agreements/${fixtures.nextDraft()}/status`,
        init: jsonInit("POST", { status: "active" }),
      };
    case "POST /api/v1/agreements/{id}/deviations":
      return {
        path: `/api/v1/agreements/${agreementId}/deviations`,
        init: jsonInit("POST", aDeviation),
      };
    case "PATCH /api/v1/agreements/{id}/deviations/{did}":
      return {
        path: `/api/v1/agreements/${agreementId}/deviations/${fixtures.nextDeviation()}`,
        init: jsonInit("PATCH", { status: "closed", resolution: "Rutinen förtydligad." }),
      };
    case "POST /api/v1/agreements/{id}/indicators":
      return {
        path: `/api/v1/agreements/${agreementId}/indicators`,
        init: jsonInit("POST", anIndicator),
      };
    case "POST /api/v1/cases/{id}/events":
      return {
        path: `/api/v1/cases/${caseId}/events`,
        init: jsonInit("POST", { occurredAt: "2024-03-05", type: "step", step: 3 }),
      };
    default: {
      const [method = "GET", template = ""] = operation.split(" ");
      const query = requiredQuery[operation] ?? "";
      const id = template.startsWith("/api/v1/agreements") ? agreementId : String(caseId);
      return { path: `${template.replace("{id}", id)}${query}`, init: { method } };
    }
  }
}

describe.each(testDatabases())("route × role × scope on $name", (target) => {
  const database = useMigratedDatabase(target);
  let operations: string[];
  let fixtures: Fixtures;

  beforeAll(async () => {
    const dir = await writeInterchange(county);
    const report = await importDirectory(database(), { dir, secret: testSecret });
    if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.errors)}`);
    const app = testApp(database());
    const list = (await (await authed(app, "/api/v1/cases?limit=10")).json()) as {
      items: { id: number; initiatingUnit: string }[];
    };
    const found = list.items.find((c) => c.initiatingUnit === "stockholm_socialtjanst");
    if (found === undefined) throw new Error("fixture case missing");
    const created = async (path: string, body: unknown) => {
      const res = await authed(app, path, jsonInit("POST", body));
      if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    const agreementId = await created("/api/v1/agreements", stockholmAgreement);
    // Every role × scope may reach a success: one fresh object per call.
    const drafts = await Promise.all(
      roles.flatMap(() => [0, 1]).map(() => created("/api/v1/agreements", stockholmAgreement)),
    );
    const deviations: string[] = [];
    for (const _ of drafts)
      deviations.push(await created(`/api/v1/agreements/${agreementId}/deviations`, aDeviation));
    const take = (pool: string[]) => () => {
      const next = pool.shift();
      if (next === undefined) throw new Error("fixture pool used up");
      return next;
    };
    fixtures = {
      caseId: found.id,
      agreementId,
      nextDraft: take(drafts),
      nextDeviation: take(deviations),
      forums: await createForumFixtures(created, drafts.length),
      escalations: await createEscalationFixtures(
        async (body) => {
          const samordnare = testScope("samordnare", inScopeOrgs);
          const res = await authed(app, "/api/v1/escalations", jsonInit("POST", body), samordnare);
          if (res.status !== 201) throw new Error(`fixture escalation: ${res.status}`);
          return ((await res.json()) as { id: string }).id;
        },
        found.id,
        drafts.length,
      ),
      evaluationId: await insertEvaluation(database()),
      evaluations: await createEvaluationFixtures(
        created,
        async (path, body) => {
          const res = await authed(app, path, jsonInit("POST", body));
          if (res.status !== 200) throw new Error(`fixture ${path}: ${res.status}`);
        },
        drafts.length,
      ),
    };
    const doc = (await (await authed(app, "/api/v1/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });

  it("has a declared permission for every operation in the OpenAPI document, and no stale one", () => {
    expect([...operations].sort()).toEqual(Object.keys(permissions).sort());
  });

  it.each(
    roles.flatMap((role) => [
      { role, inScope: true },
      { role, inScope: false },
    ]),
  )(
    "answers $role (in scope: $inScope) as declared on every operation",
    async ({ role, inScope }: { role: Role; inScope: boolean }) => {
      const app = testApp(database());
      const scope: Scope = testScope(role, inScope ? inScopeOrgs : outOfScopeOrgs);
      const mismatches: string[] = [];
      for (const operation of operations) {
        const declared = permissions[operation];
        if (declared === undefined || declared === "public") continue;
        const expected = inScope ? declared[role].inScope : declared[role].outOfScope;
        const call = callFor(operation, fixtures);
        const res = await authed(app, call.path, call.init, scope);
        if (res.status !== expected) {
          mismatches.push(
            `${operation}: expected ${expected}, got ${res.status} ${await res.text()}`,
          );
        } else if (expected >= 400) {
          const body = (await res.json()) as { error?: { code?: unknown } };
          if (typeof body.error?.code !== "string") mismatches.push(`${operation}: no error shape`);
        } else {
          // A success left unread: a stream (the live board) would stay open.
          await res.body?.cancel();
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});
