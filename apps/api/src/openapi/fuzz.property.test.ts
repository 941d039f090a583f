import { type Database, importDirectory } from "@samsyn/db";
import {
  aCase,
  aRegionUnit,
  aUnit,
  stepEvents,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import type { Scope } from "@samsyn/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { App } from "../app";
import { type ErrorBody, errorStatuses } from "../errors";
import {
  aDeviation,
  authed,
  createEscalationFixtures,
  createEvaluationFixtures,
  createForumFixtures,
  jsonInit,
  stockholmAgreement,
  testApp,
  testScope,
  tokenFor,
} from "../testing";
import { testSecret } from "../testing/tokens";
import { openApiDocument } from "./document";
import {
  echoMarker,
  type FuzzDocument,
  type FuzzOperation,
  type FuzzRequest,
  fuzzOperations,
  fuzzRequest,
} from "./fuzz-requests";

/**
 * Issue 20, "Hostile input": every operation of the OpenAPI document, as every role and without
 * a token, gets malformed and boundary requests made from its own schemas (fuzz-requests.ts).
 * Whatever arrives: never a 5xx; an error always in the SPEC shape with its code's status, no
 * stack, no personnummer and no long value echoed; a success only with a status the document lists; and a
 * refused request stores nothing (every table's row count is the same after it).
 *
 * Runs per operation: SAMSYN_FUZZ_RUNS (default 30 on PGlite, a quarter on PostgreSQL); a failure
 * prints fast-check's seed and path, and SAMSYN_FUZZ_SEED replays it.
 */
const runs = Number(process.env.SAMSYN_FUZZ_RUNS ?? 30);
const seed =
  process.env.SAMSYN_FUZZ_SEED === undefined ? undefined : Number(process.env.SAMSYN_FUZZ_SEED);

/** The operations, for `it.each`, which needs them when the file is collected. */
const operationKeys = fuzzOperations((await openApiDocument()) as unknown as FuzzDocument).map(
  (o) => o.key,
);

const county = {
  units: [aUnit(), aRegionUnit()],
  cases: [aCase({ case_ref: "ARENDE-A" })],
  events: stepEvents("ARENDE-A", "2024-03-01", [1, 2]),
};

/** Who calls: every role, with and without organisations, no token, and tokens that are not. */
const callers: readonly {
  readonly name: string;
  readonly scope?: Scope;
  readonly header?: string;
}[] = [
  { name: "admin", scope: testScope("admin") },
  { name: "lan", scope: testScope("lan") },
  { name: "ledning", scope: testScope("ledning", ["stockholms_stad"]) },
  { name: "samordnare", scope: testScope("samordnare", ["stockholms_stad", "region_stockholm"]) },
  { name: "samordnare elsewhere", scope: testScope("samordnare", ["nacka_kommun"]) },
  { name: "no token" },
  { name: "garbage token", header: `Bearer ${echoMarker}.\u00e5.x` },
  { name: "basic", header: "Basic YWRtaW46YWRtaW4=" },
];

/** Tables whose rows a refused request may add: refused reads are audited on purpose. */
const mayGrowWhenRefused = new Set(["audit_log"]);

async function rowCounts(database: Database): Promise<Record<string, number>> {
  const listQuery = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const tables = (await rawRows(database, listQuery))
    .map((r) => String(r.tablename))
    .filter((name) => !mayGrowWhenRefused.has(name));
  const counts = tables
    .map((name) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`)
    .join(" UNION ALL ");
  const rows = await rawRows(database, counts);
  return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.n)]));
}

async function rawRows(database: Database, text: string): Promise<Record<string, unknown>[]> {
  if (database.kind === "pglite")
    return (await database.client.query<Record<string, unknown>>(text)).rows;
  return [...(await database.client.unsafe<Record<string, unknown>[]>(text))];
}

/** What is wrong with `res` as an answer to a hostile request of `op`; empty when nothing. */
async function problemsOf(op: FuzzOperation, res: Response): Promise<string[]> {
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("text/event-stream")) {
    await res.body?.cancel();
    return res.status === 200 ? [] : [`an event stream with status ${res.status}`];
  }
  const text = await res.text();
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  if (res.status < 400) {
    if (!op.documentedStatuses.has(res.status)) problems.push(`undocumented success ${res.status}`);
    return problems;
  }
  if (!type.startsWith("application/json"))
    return [...problems, `error as ${type}: ${text.slice(0, 200)}`];
  let body: ErrorBody;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    return [...problems, `error body is not JSON: ${text.slice(0, 200)}`];
  }
  const { error } = body;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== "error" || typeof error !== "object" || error === null) {
    return [...problems, `not the error shape: ${text.slice(0, 300)}`];
  }
  const code = error.code as keyof typeof errorStatuses;
  if (errorStatuses[code] !== res.status)
    problems.push(`code ${error.code} with status ${res.status}`);
  if (typeof error.message !== "string" || error.message === "") problems.push("no message");
  const detailsOk =
    Array.isArray(error.details) &&
    error.details.every(
      (d) =>
        typeof d.path === "string" && typeof d.message === "string" && Object.keys(d).length === 2,
    );
  if (!detailsOk)
    problems.push(`details not [{ path, message }]: ${JSON.stringify(error.details)}`);
  if (/\n\s+at |node_modules|\.ts:\d|\bTypeError\b|\bSyntaxError\b/.test(text)) {
    problems.push(`a stack or an exception in the answer: ${text.slice(0, 300)}`);
  }
  // An error may repeat a short value ("Okänd kod: x", cut at maxEchoLength), never a long one
  // and never a personnummer (`echoable`).
  if (/(.)\1{64}/u.test(text)) problems.push(`a long value echoed: ${text.slice(0, 300)}`);
  if (/1212[-+]?1212/.test(text)) problems.push(`a personnummer echoed: ${text.slice(0, 1500)}`);
  return problems;
}

function describeRequest(req: FuzzRequest, caller: string): string {
  const body =
    req.body === undefined
      ? ""
      : typeof req.body === "string"
        ? ` body ${req.body.slice(0, 160)}`
        : "";
  return `${caller}: ${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.headers)} (${req.story})${body}`;
}

/** An operation the document does not have: no success is documented. */
const unlisted: FuzzOperation = {
  method: "",
  path: "",
  key: "",
  parameters: [],
  documentedStatuses: new Set(),
};

describe.each(testDatabases())("hostile requests to every operation on $name", (target) => {
  const database = useMigratedDatabase(target);
  const operationRuns = target.name === "pglite" ? runs : Math.max(3, Math.round(runs / 4));
  let app: App;
  let doc: FuzzDocument;
  let operations: FuzzOperation[] = [];
  const ids = new Map<string, string[]>();
  const tokens = new Map<string, string>();
  let answered = 0;

  /** Real ids for `{name}` in `path`: the path's resource with the parameter's name. */
  function realIds(path: string, name: string): string[] {
    const resource = path.split("/")[3] ?? "";
    return ids.get(`${resource}.${name}`) ?? [];
  }

  beforeAll(async () => {
    doc = (await openApiDocument()) as unknown as FuzzDocument;
    operations = fuzzOperations(doc);
    app = testApp(database());
    for (const caller of callers) {
      if (caller.scope !== undefined)
        tokens.set(caller.name, `Bearer ${await tokenFor(caller.scope)}`);
      else if (caller.header !== undefined) tokens.set(caller.name, caller.header);
    }
    const report = await importDirectory(database(), {
      dir: await writeInterchange(county),
      secret: testSecret,
    });
    if (!report.ok) throw new Error(`fixture import failed: ${JSON.stringify(report.errors)}`);
    const cases = (await (await authed(app, "/api/v1/cases")).json()) as {
      items: { id: number }[];
    };
    const caseId = cases.items[0]?.id ?? 0;
    const created = async (path: string, body: unknown, scope?: Scope) => {
      const res = await authed(app, path, jsonInit("POST", body), scope);
      if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    const agreementId = await created("/api/v1/agreements", stockholmAgreement);
    const deviationId = await created(`/api/v1/agreements/${agreementId}/deviations`, aDeviation);
    const forums = await createForumFixtures(created, 1);
    const samordnare = testScope("samordnare", ["stockholms_stad"]);
    const escalations = await createEscalationFixtures(
      (body) => created("/api/v1/escalations", body, samordnare),
      caseId,
      1,
    );
    const evaluations = await createEvaluationFixtures(
      created,
      async (path, body) => {
        const res = await authed(app, path, jsonInit("POST", body));
        if (res.status !== 200) throw new Error(`fixture ${path}: ${res.status}`);
      },
      1,
    );
    const set = (key: string, values: (string | number)[]) => ids.set(key, values.map(String));
    set("cases.id", [caseId]);
    set("agreements.id", [agreementId]);
    set("agreements.did", [deviationId]);
    set("forums.id", [forums.forumId]);
    set("forums.mid", [forums.meetingId]);
    set("forums.aid", [forums.actionId]);
    set("escalations.id", [escalations.escalationId]);
    set("evaluations.id", [
      evaluations.evaluationId,
      evaluations.grouping.id,
      evaluations.voting.id,
    ]);
    set("evaluations.gid", [evaluations.grouping.groupId]);
    set("evaluations.itemId", [evaluations.grouping.itemId, evaluations.voting.itemId]);
  }, 120_000);

  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThan(60);
  });

  it.each(operationKeys)(
    "%s: no 5xx, the error shape, no echo, nothing stored when refused",
    async (key) => {
      const op = operations.find((o) => o.key === key);
      if (op === undefined) throw new Error(`${key} is no longer in the document`);
      const caller = fc.constantFrom(...callers.map((c) => c.name));
      let baseline = await rowCounts(database());
      await fc.assert(
        fc.asyncProperty(caller, fuzzRequest(op, doc, realIds), async (who, req) => {
          const headers = new Headers(req.headers);
          const token = tokens.get(who);
          if (token !== undefined) headers.set("Authorization", token);
          const init: RequestInit = { method: req.method, headers };
          if (req.body !== undefined) init.body = req.body as NonNullable<RequestInit["body"]>;
          const res = await app.request(req.path, init);
          answered += 1;
          const problems = await problemsOf(op, res);
          const after = await rowCounts(database());
          if (res.status >= 400) {
            const changed = Object.keys(after).filter((t) => after[t] !== baseline[t]);
            if (changed.length > 0)
              problems.push(`refused (${res.status}) but stored rows in ${changed.join(", ")}`);
          }
          baseline = after;
          if (problems.length > 0) {
            throw new Error(
              `${describeRequest(req, who)}\n→ ${res.status}: ${problems.join("; ")}`,
            );
          }
        }),
        { numRuns: operationRuns, ...(seed === undefined ? {} : { seed }) },
      );
    },
    120_000,
  );

  it("answers methods the document does not list with the error shape, storing nothing", async () => {
    const paths = [...new Set(operations.map((o) => o.path))];
    const listed = new Set(operations.map((o) => o.key));
    const before = await rowCounts(database());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom("DELETE", "PUT", "PATCH", "POST", "OPTIONS"),
        fc.constantFrom(...callers.map((c) => c.name)),
        async (path, method, who) => {
          fc.pre(!listed.has(`${method} ${path}`));
          const concrete = path.replace(
            /\{[^}]+\}/g,
            (name) => realIds(path, name.slice(1, -1))[0] ?? "1",
          );
          const headers = new Headers({ "Content-Type": "application/json" });
          const token = tokens.get(who);
          if (token !== undefined) headers.set("Authorization", token);
          const body = method === "OPTIONS" ? null : "{}";
          const res = await app.request(concrete, { method, headers, body });
          answered += 1;
          const problems = await problemsOf({ ...unlisted, key: `${method} ${path}` }, res);
          if (res.status < 400) problems.push(`${method} ${path} answered ${res.status}`);
          if (problems.length > 0)
            throw new Error(
              `${who}: ${method} ${concrete} → ${res.status}: ${problems.join("; ")}`,
            );
        },
      ),
      { numRuns: operationRuns * 4, ...(seed === undefined ? {} : { seed }) },
    );
    expect(await rowCounts(database())).toEqual(before);
  }, 120_000);

  it("answered thousands of requests in all (PGlite), so the property means something", () => {
    console.info(`fuzz on ${target.name}: ${answered} requests`);
    expect(answered).toBeGreaterThanOrEqual(operations.length * operationRuns);
  });
});
