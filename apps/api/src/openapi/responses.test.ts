import { importDirectory } from "@samsyn/db";
import {
  aCase,
  exampleCounty,
  exampleUnits,
  type InterchangeFiles,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import { interchangeColumns, interchangeFiles, roles, type Scope } from "@samsyn/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { type App, createApp, openApiPath } from "../app";
import {
  aDeviation,
  anIndicator,
  createEscalationFixtures,
  createEvaluationFixtures,
  createForumFixtures,
  type EscalationFixtures,
  type EvaluationFixtures,
  escalationCall,
  evaluationCall,
  type ForumFixtures,
  forumCall,
  insertEvaluation,
  stockholmAgreement,
  testApp,
  testScope,
  testSecret,
  tokenFor,
} from "../testing";
import {
  type Contract,
  createContract,
  type OpenApiDocument,
  operationKeys,
} from "../testing/openapi-contract";

/**
 * The example county (whose visibility is known), and eight more Stockholm cases through three
 * steps, so that some figures are published and not all withheld.
 */
const county: InterchangeFiles = {
  units: exampleUnits,
  cases: [
    ...(exampleCounty.cases as Record<string, string>[]),
    ...Array.from({ length: 8 }, (_, i) =>
      aCase({ case_ref: `FLER-${i}`, initiating_unit: "sthlm_soc", opened_on: "2024-02-01" }),
    ),
  ],
  events: [
    ...(exampleCounty.events as Record<string, string>[]),
    ...Array.from({ length: 8 }, (_, i) => stepEvents(`FLER-${i}`, "2024-02-01", [1, 2, 3])).flat(),
  ],
};

const admin = testScope("admin");
/** Stockholm's samordnare sees REF-E (initiated by sthlm_beroende); Solna's does not. */
const stockholm = testScope("samordnare", ["stockholms_stad"], "sam-sthlm");
const solna = testScope("samordnare", ["solna_stad"], "sam-solna");
const everyRole: Scope[] = [
  ...roles.map((role) => testScope(role, role === "admin" ? [] : ["stockholms_stad"])),
  solna,
];

interface Call {
  readonly key: string;
  readonly path: string;
  readonly scope?: Scope | undefined;
  readonly method?: string;
  /** Sent as a JSON POST body. */
  readonly json?: unknown;
  readonly init?: RequestInit;
}

/** The three interchange files as a form: header only, and `caseRow` under the cases header. */
function interchangeForm(caseRow?: string): FormData {
  const body = new FormData();
  for (const file of interchangeFiles) {
    const header = interchangeColumns[file].join(",");
    const text = file === "cases" && caseRow !== undefined ? `${header}\r\n${caseRow}` : header;
    body.append(file, new Blob([`${text}\r\n`], { type: "text/csv" }), `${file}.csv`);
  }
  return body;
}

/** An agreement of Stockholms stad and the region, a few drafts, and deviations to close. */
const agreementFixtures = {
  id: "",
  drafts: [] as string[],
  deviations: [] as string[],
  /** The register's CSV export, taken after the fixtures were made. */
  exported: "",
};

/** A forum of Stockholms stad and the region, with meetings and actions to act on. */
let forumFixtures: ForumFixtures | undefined;

/** Case escalations of Stockholms stad and the region, to read, lift and resolve. */
let escalationFixtures: EscalationFixtures | undefined;

/** Sessions of Stockholms stad and the region in each phase, and a forum to lift to. */
let evaluationFixtures: EvaluationFixtures | undefined;

/** A session of Stockholms stad and the region, whose live board is opened. */
let evaluationId = "";

function registerCsvInit(csv: string): RequestInit {
  return { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv };
}
/** The next of a pool, round and round: a second use may answer 409, which is documented too. */
const nextOf = (pool: string[]) => pool[serial % pool.length] ?? "";

function patchInit(body: unknown): RequestInit {
  return {
    method: "PATCH",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
}

let serial = 0;
/** One ordinary call of each operation; writes are unique per call. */
function ordinaryCall(key: string, scope: Scope, caseId: number): Call {
  serial += 1;
  const [method = "GET", template = ""] = key.split(" ");
  const agreementId = agreementFixtures.id;
  const path = template.replace(
    "{id}",
    template.startsWith("/api/v1/agreements") ? agreementId : String(caseId),
  );
  const forum = forumFixtures === undefined ? undefined : forumCall(key, forumFixtures);
  if (forum?.method === "POST") return { key, path: forum.path, scope, json: forum.body };
  if (forum?.method === "PATCH")
    return { key, path: forum.path, scope, init: patchInit(forum.body) };
  if (forum !== undefined) return { key, path: forum.path, scope };
  const evaluation =
    evaluationFixtures === undefined ? undefined : evaluationCall(key, evaluationFixtures);
  if (evaluation?.method === "POST")
    return { key, path: evaluation.path, scope, json: evaluation.body };
  if (evaluation !== undefined) return { key, path: evaluation.path, scope };
  const escalation =
    escalationFixtures === undefined ? undefined : escalationCall(key, escalationFixtures);
  if (escalation?.method === "POST")
    return { key, path: escalation.path, scope, json: escalation.body };
  if (escalation !== undefined) return { key, path: escalation.path, scope };
  switch (key) {
    case "POST /api/v1/agreements":
      return { key, path, scope, json: stockholmAgreement };
    case "PATCH /api/v1/agreements/{id}":
      return {
        key,
        path,
        scope,
        init: patchInit({ title: stockholmAgreement.title, expectedRevision: 1 }),
      };
    case "POST /api/v1/agreements/{id}/status":
      return {
        key,
        path: `/api/v1/agreements/${nextOf(agreementFixtures.drafts)}/status`,
        scope,
        json: { status: "active" },
      };
    case "POST /api/v1/agreements/{id}/deviations":
      return { key, path, scope, json: aDeviation };
    case "POST /api/v1/agreements/{id}/indicators":
      return { key, path, scope, json: anIndicator };
    case "PATCH /api/v1/agreements/{id}/deviations/{did}":
      return {
        key,
        path: path.replace("{did}", nextOf(agreementFixtures.deviations)),
        scope,
        init: patchInit({ status: "closed", resolution: "Rutinen förtydligad." }),
      };
    case "POST /api/v1/dev/sign-in":
      return { key, path, json: { role: scope.role, orgs: scope.orgs, sub: scope.sub } };
    case "GET /api/v1/evaluations/{id}/events":
      return { key, path: `/api/v1/evaluations/${evaluationId}/events`, scope };
    case "POST /api/v1/units":
      return {
        key,
        path,
        scope,
        json: { code: `ny_${serial}`, name: "Ny enhet", organisation: "stockholms_stad" },
      };
    case "POST /api/v1/cases":
      return {
        key,
        path,
        scope,
        json: {
          ref: `NYTT-${serial}`,
          process: "sip",
          targetGroup: "samsjuklighet",
          ageGroup: "vuxen",
          municipality: "0180",
          openedOn: "2025-01-15",
          initiatingUnit: "sthlm_soc",
        },
      };
    case "POST /api/v1/cases/{id}/events":
      return { key, path, scope, json: { occurredAt: "2024-06-01", type: "step", step: 1 } };
    case "POST /api/v1/agreements/import":
      // The register as exported by `GET /agreements/export`: every row unchanged.
      return { key, path, scope, init: registerCsvInit(agreementFixtures.exported) };
    case "POST /api/v1/imports":
      return {
        key,
        path: `${path}?mode=check`,
        scope,
        init: { method: "POST", body: interchangeForm() },
      };
    case "GET /api/v1/imports/jobs/{id}":
      return { key, path: template.replace("{id}", "no-such-job"), scope };
    case "GET /api/v1/metrics/lead-times":
      return { key, path: `${path}?process=intern_samsjuklighet&fromStep=1&toStep=3`, scope };
    case "GET /api/v1/metrics/flow":
      return { key, path: `${path}?process=intern_samsjuklighet`, scope };
    case "GET /api/v1/metrics/trend":
      return { key, path: `${path}?measure=opened&groupBy=targetGroup`, scope };
    case "GET /api/v1/metrics/network":
      return { key, path: `${path}?level=unit`, scope };
    case "GET /api/v1/metrics/cases":
    case "GET /api/v1/metrics/sip":
    case "GET /api/v1/metrics/stuck":
      return { key, path: `${path}?groupBy=step`, scope };
    default:
      return { key, path, scope, method };
  }
}

const personnummer = "19121212-1212";

/** Calls meant to fail, one per documented failure that a request can bring about. */
function failingCalls(caseId: number): Call[] {
  const big = "x".repeat(1_100_000);
  return [
    { key: "GET /api/v1/me", path: "/api/v1/me" },
    { key: "GET /api/v1/cases", path: "/api/v1/cases?limit=0", scope: admin },
    { key: "GET /api/v1/cases/{id}", path: "/api/v1/cases/999999", scope: admin },
    { key: "GET /api/v1/cases/{id}", path: `/api/v1/cases/${caseId}`, scope: solna },
    { key: "GET /api/v1/audit-log", path: "/api/v1/audit-log?from=igår", scope: admin },
    { key: "GET /api/v1/metrics/trend", path: "/api/v1/metrics/trend", scope: admin },
    {
      key: "POST /api/v1/units",
      path: "/api/v1/units",
      scope: admin,
      json: { code: "sthlm_soc", name: "Finns redan", organisation: "stockholms_stad" },
    },
    {
      key: "POST /api/v1/units",
      path: "/api/v1/units",
      scope: admin,
      init: { method: "POST", headers: { "Content-Type": "text/plain" }, body: "enhet" },
    },
    {
      key: "POST /api/v1/units",
      path: "/api/v1/units",
      scope: admin,
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ code: "stor", name: big, organisation: "stockholms_stad" }),
      },
    },
    {
      key: "POST /api/v1/cases",
      path: "/api/v1/cases",
      scope: stockholm,
      init: {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          ...(ordinaryCall("POST /api/v1/cases", stockholm, 0).json as object),
          ref: `pat ${personnummer}`,
        }),
      },
    },
    {
      key: "POST /api/v1/cases/{id}/events",
      path: `/api/v1/cases/${caseId}/events`,
      scope: stockholm,
      json: { occurredAt: "2024-06-02", type: "close", value: `avslutat ${personnummer}` },
    },
    {
      key: "POST /api/v1/dev/sign-in",
      path: "/api/v1/dev/sign-in",
      json: { role: "samordnare", orgs: [] },
    },
    {
      key: "POST /api/v1/imports",
      path: "/api/v1/imports?mode=check",
      scope: stockholm,
      init: {
        method: "POST",
        body: interchangeForm("REF-X,okand,samsjuklighet,vuxen,9999,2024-13-01,sthlm_soc"),
      },
    },
    {
      key: "POST /api/v1/imports",
      path: "/api/v1/imports?mode=maybe",
      scope: admin,
      init: { method: "POST", body: interchangeForm() },
    },
    {
      key: "POST /api/v1/agreements/import",
      path: "/api/v1/agreements/import",
      scope: admin,
      init: registerCsvInit("id,titel\r\n"),
    },
    {
      key: "POST /api/v1/agreements/import",
      path: "/api/v1/agreements/import",
      scope: admin,
      init: { method: "POST", body: "id,title" },
    },
    {
      key: "GET /api/v1/agreements/export",
      path: "/api/v1/agreements/export?format=pdf",
      scope: admin,
    },
    {
      key: "GET /api/v1/evaluations/{id}/events",
      path: "/api/v1/evaluations/00000000-0000-4000-8000-000000000000/events",
      scope: admin,
    },
    {
      key: "GET /api/v1/evaluations/{id}/events",
      path: "/api/v1/evaluations/00000000-0000-4000-8000-000000000000/events?lastEventId=x",
      scope: admin,
    },
  ];
}

async function send(app: App, call: Call): Promise<Response> {
  const headers = new Headers(call.init?.headers);
  if (call.scope !== undefined)
    headers.set("Authorization", `Bearer ${await tokenFor(call.scope)}`);
  const init: RequestInit =
    call.json !== undefined
      ? { method: "POST", body: JSON.stringify(call.json) }
      : { method: call.method ?? "GET", ...call.init };
  if (call.json !== undefined) headers.set("Content-Type", "application/json");
  return app.request(call.path, { ...init, headers });
}

describe.each(testDatabases())("live responses against the OpenAPI document on $name", (target) => {
  const database = useMigratedDatabase(target);
  let doc: OpenApiDocument;
  let contract: Contract;
  let caseId: number;

  beforeAll(async () => {
    const report = await importDirectory(database(), {
      dir: await writeInterchange(county),
      secret: testSecret,
    });
    if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.errors)}`);
    const app = testApp(database());
    doc = (await (await app.request(openApiPath)).json()) as OpenApiDocument;
    contract = createContract(doc);
    const list = (await (
      await send(app, { key: "", path: "/api/v1/cases?limit=100", scope: admin })
    ).json()) as {
      items: { id: number; initiatingUnit: string }[];
    };
    const found = list.items.find((c) => c.initiatingUnit === "sthlm_beroende");
    if (found === undefined) throw new Error("fixture case REF-E missing");
    caseId = found.id;
    const create = async (path: string, json: unknown) => {
      const res = await send(app, { key: "", path, scope: admin, json });
      if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status}`);
      return ((await res.json()) as { id: string }).id;
    };
    // One county per database: the fixtures of the previous database's run name nothing here.
    agreementFixtures.drafts.length = 0;
    agreementFixtures.deviations.length = 0;
    agreementFixtures.id = await create("/api/v1/agreements", stockholmAgreement);
    // So that the indicators' answer has an item, with readings, for its schema to check.
    await create(`/api/v1/agreements/${agreementFixtures.id}/indicators`, anIndicator);
    for (let i = 0; i < 3; i++) {
      agreementFixtures.drafts.push(await create("/api/v1/agreements", stockholmAgreement));
      agreementFixtures.deviations.push(
        await create(`/api/v1/agreements/${agreementFixtures.id}/deviations`, aDeviation),
      );
    }
    forumFixtures = await createForumFixtures(create, 3);
    evaluationFixtures = await createEvaluationFixtures(
      create,
      async (path, json) => {
        const res = await send(app, { key: "", path, scope: admin, json });
        if (res.status !== 200) throw new Error(`fixture ${path}: ${res.status}`);
      },
      3,
    );
    escalationFixtures = await createEscalationFixtures(
      async (json) => {
        const res = await send(app, {
          key: "",
          path: "/api/v1/escalations",
          scope: stockholm,
          json,
        });
        if (res.status !== 201) throw new Error(`fixture escalation: ${res.status}`);
        return ((await res.json()) as { id: string }).id;
      },
      caseId,
      3,
    );
    evaluationId = await insertEvaluation(database());
    agreementFixtures.exported = await (
      await send(app, { key: "", path: "/api/v1/agreements/export", scope: admin })
    ).text();
  });

  /** Sends each call and checks its answer; the statuses seen per operation, for coverage. */
  async function run(app: App, calls: readonly Call[]) {
    const problems: string[] = [];
    const statuses = new Map<string, Set<number>>();
    for (const call of calls) {
      const res = await send(app, call);
      const seen = statuses.get(call.key) ?? new Set<number>();
      seen.add(res.status);
      statuses.set(call.key, seen);
      problems.push(...(await contract.checkResponse(call.key, res)));
    }
    return { problems, statuses };
  }

  it("accepts the bodies of the ordinary calls by the request schemas", () => {
    const problems = operationKeys(doc).flatMap((key) => {
      const call = ordinaryCall(key, stockholm, caseId);
      return call.json === undefined ? [] : contract.checkRequest(key, call.json);
    });
    expect(problems).toEqual([]);
  });

  it("answers every operation, for every role, with a documented status and body", async () => {
    const app = testApp(database());
    const calls = everyRole.flatMap((scope) =>
      operationKeys(doc).map((key) => ordinaryCall(key, scope, caseId)),
    );
    const { problems, statuses } = await run(app, calls);
    expect(operationKeys(doc).length).toBeGreaterThan(20);
    expect(problems).toEqual([]);
    // Each operation answered someone with success, so every success schema was exercised
    // (the import job's is below: a job belongs to the one who started it).
    const neverOk = operationKeys(doc).filter(
      (key) =>
        key !== "GET /api/v1/imports/jobs/{id}" &&
        ![...(statuses.get(key) ?? [])].some((status) => status < 300),
    );
    expect(neverOk).toEqual([]);
  });

  it("answers the documented failures in their documented shape", async () => {
    const app = testApp(database());
    const { problems, statuses } = await run(app, failingCalls(caseId));
    expect(problems).toEqual([]);
    const all = new Set([...statuses.values()].flatMap((seen) => [...seen]));
    expect([...all].sort()).toEqual(
      expect.arrayContaining([200, 400, 401, 404, 409, 413, 415, 422]),
    );
  });

  it("documents an import job, running or done, and the rate limit", async () => {
    const app = testApp(database());
    const started = await send(app, {
      key: "POST /api/v1/imports",
      path: "/api/v1/imports?mode=commit",
      scope: admin,
      init: { method: "POST", body: interchangeForm() },
    });
    expect(started.status).toBe(202);
    const { job } = (await started.clone().json()) as { job: { id: string } };
    const problems = await contract.checkResponse("POST /api/v1/imports", started);
    const followed = await send(app, {
      key: "GET /api/v1/imports/jobs/{id}",
      path: `/api/v1/imports/jobs/${job.id}`,
      scope: admin,
    });
    expect(followed.status).toBe(200);
    problems.push(...(await contract.checkResponse("GET /api/v1/imports/jobs/{id}", followed)));

    const limited = testApp(database(), { http: { rateLimitPerMinutePerIp: 1 } });
    await limited.request("/api/v1/health");
    for (const key of ["GET /api/v1/health", "GET /api/v1/me"]) {
      const res = await send(limited, { key, path: key.split(" ")[1] ?? "", scope: admin });
      expect(res.status).toBe(429);
      problems.push(...(await contract.checkResponse(key, res)));
    }
    expect(problems).toEqual([]);
  });

  it("documents the answers when the database is gone", async () => {
    const gone = await target.open();
    await gone.close();
    const app = createApp({ database: gone, secret: testSecret });
    const problems: string[] = [];
    const statuses: number[] = [];
    for (const key of ["GET /api/v1/health", "GET /api/v1/organisations", "GET /api/v1/cases"]) {
      const res = await send(app, { key, path: key.split(" ")[1] ?? "", scope: admin });
      statuses.push(res.status);
      problems.push(...(await contract.checkResponse(key, res)));
    }
    expect(statuses).toEqual([503, 503, 503]);
    expect(problems).toEqual([]);
  });
});
