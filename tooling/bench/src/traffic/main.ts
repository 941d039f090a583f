import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createToken, defaultMetricConcurrency, readEnv } from "@samsyn/api";
import { loadDemoEvaluations, loadDemoForums, loadDemoRegister } from "@samsyn/api/demo";
import { createRandom, DEFAULT_DEMO_AS_OF } from "@samsyn/demo-data";
import { evaluationThemes, t } from "@samsyn/domain";
import autocannon from "autocannon";
import { ensureDataset } from "../dataset";
import { benchDatabaseName, benchSecret, openLoaded, withDatabase } from "../load";
import { machineFacts } from "../machine";
import { numberAt, rawQuery } from "../raw-sql";
import {
  type CountyFacts,
  nextRequest,
  type PlannedRequest,
  type Role,
  streamConnections,
} from "./mix";
import { type Answer, distinctQuestions, kindFigures, renderLoad, rssTrend } from "./report";
import { rssOf, startServe } from "./serve";
import { type BoardStream, openBoardStream } from "./streams";

interface LoadOptions {
  readonly cases: number;
  readonly seed: number;
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly fresh: boolean;
}

function parseLoadArgs(args: readonly string[]): LoadOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      cases: { type: "string", default: "1000000" },
      seed: { type: "string", default: "1" },
      connections: { type: "string", default: "50" },
      duration: { type: "string", default: "60" },
      warmup: { type: "string", default: "10" },
      fresh: { type: "boolean", default: false },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const value = Number(text.replaceAll("_", ""));
    if (!Number.isInteger(value) || value < min) {
      throw new Error(t("bench.not_a_number", { option: name, min }));
    }
    return value;
  };
  return {
    cases: whole("cases", values.cases, 1000),
    seed: whole("seed", values.seed, 0),
    connections: whole("connections", values.connections, 2),
    seconds: whole("duration", values.duration, 5),
    warmupSeconds: whole("warmup", values.warmup, 0),
    fresh: values.fresh,
  };
}

/**
 * `pnpm bench:load` (issue 20): `samsyn serve` on PostgreSQL with the demo county, its register,
 * forums and evaluations, under a realistic mix from `connections` connections for a minute.
 * Prints throughput, p50/p95/p99 per kind of request, errors, RSS over the run, and whether the
 * live boards' streams kept up. Not a test: nothing in `pnpm test` runs it.
 */
async function main(args: readonly string[]): Promise<number> {
  const options = parseLoadArgs(args);
  const serverUrl = readEnv().DATABASE_URL;
  if (serverUrl === undefined) {
    console.error(t("bench.no_database_url"));
    return 1;
  }
  const dataset = await ensureDataset(options.cases, options.seed);
  const loaded = await openLoaded("postgres", dataset, { fresh: options.fresh, serverUrl });
  await loadDemoExtras(loaded.database);
  await loaded.database.close();

  const served = await startServe({
    DATABASE_URL: withDatabase(serverUrl, benchDatabaseName(options.cases)),
    SAMSYN_SECRET: benchSecret,
    AUTH_MODE: "dev",
    // The load is many users' worth from one address and a handful of tokens.
    SAMSYN_RATE_LIMIT_PER_MINUTE: "100000000",
    SAMSYN_IP_RATE_LIMIT_PER_MINUTE: "100000000",
    SAMSYN_METRIC_RATE_LIMIT_PER_MINUTE: "100000000",
  });
  try {
    return await underLoad(served.url, served.pid, options);
  } catch (error) {
    console.error(served.output());
    throw error;
  } finally {
    await served.stop();
  }
}

/** The register, forums and evaluations `samsyn start` adds to its county, once per database. */
async function loadDemoExtras(database: Parameters<typeof loadDemoForums>[0]): Promise<void> {
  const [row] = await rawQuery(database, "SELECT count(*) AS forums FROM forums");
  if (numberAt(row, "forums") > 0) return;
  console.error(t("bench.load_demo_extras"));
  // The bench county ends where demo-data's fixed date ends; its forums and sessions with it.
  const today = DEFAULT_DEMO_AS_OF;
  await loadDemoRegister(database, today);
  await loadDemoForums(database, today);
  await loadDemoEvaluations(database, benchSecret, today);
}

async function underLoad(url: string, pid: number, options: LoadOptions): Promise<number> {
  const { tokens, own } = await roleTokens(url);
  const county = await readCounty(url, tokens, own);
  const random = createRandom(options.seed);
  const streams = streamConnections(options.connections);
  const watched: BoardStream[] = [];
  for (let i = 0; i < streams; i++) {
    const session = county.writableSessions[i % county.writableSessions.length] ?? "";
    watched.push(await openBoardStream(url, session, tokens.samordnare));
  }
  const answers: Answer[] = [];
  let measuring = false;

  const run = (seconds: number) =>
    autocannon({
      url,
      connections: options.connections - streams,
      duration: seconds,
      timeout: 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const planned = nextRequest(county, random);
            Object.assign(context, { planned, sentAt: performance.now() } satisfies Sent);
            return {
              ...request,
              method: planned.method,
              path: planned.path,
              headers: {
                authorization: `Bearer ${tokens[planned.role]}`,
                ...(planned.body === undefined ? {} : { "content-type": "application/json" }),
              },
              body: planned.body ?? "",
            };
          },
          onResponse: (status, _body, context) => {
            const { planned, sentAt } = context as Sent;
            const ms = performance.now() - sentAt;
            const question = `${planned.role} ${planned.method} ${planned.path}`;
            if (measuring) answers.push({ kind: planned.kind, question, status, ms });
            if ((status < 200 || status > 299) && answers.length < 5_000) {
              console.error(`${status} ${planned.method} ${planned.path}`);
            }
          },
        },
      ],
    });

  if (options.warmupSeconds > 0) {
    console.error(t("bench.load_warmup", { seconds: options.warmupSeconds }));
    await run(options.warmupSeconds);
  }
  console.error(
    t("bench.load_running", { seconds: options.seconds, connections: options.connections }),
  );
  const rssSamples: number[] = [];
  const sampler = setInterval(() => {
    void rssOf(pid).then((bytes) => rssSamples.push(bytes));
  }, 1000);
  measuring = true;
  const result = await run(options.seconds);
  measuring = false;
  clearInterval(sampler);
  // Every note on a watched board must have reached its stream, which opened on the empty board:
  // the boards themselves say how many there are (a write still in flight when the load stopped
  // has no answer to count, but it is on the board).
  await new Promise((resolve) => setTimeout(resolve, 2000));
  let expected = 0;
  let received = 0;
  for (const stream of watched) {
    const board = await getJson<{ items: unknown[] }>(
      url,
      `/api/v1/evaluations/${stream.sessionId}`,
      tokens.samordnare,
    );
    expected += board.items.length;
    received += stream.items();
  }
  for (const stream of watched) stream.close();

  console.log(
    `\n${renderLoad({
      machine: machineFacts(),
      measuredAt: new Date(),
      cases: options.cases,
      connections: options.connections,
      streams,
      seconds: options.seconds,
      figures: kindFigures(answers),
      rss: rssTrend(rssSamples),
      streamEvents: { expected, received },
      socketErrors: result.errors,
      distinctMetricQuestions: distinctQuestions(answers, "metric"),
      // samsyn serve inherits this process's environment (serve.ts).
      metricConcurrency: process.env.SAMSYN_METRIC_CONCURRENCY ?? String(defaultMetricConcurrency),
    })}`,
  );
  return 0;
}

type Tokens = Record<Role, string>;

/** What a connection's autocannon context holds between its request and the answer. */
interface Sent {
  readonly planned: PlannedRequest;
  readonly sentAt: number;
}

/** The organisations of the load's ledning and samordnare users: the first forum's members. */
async function roleTokens(url: string): Promise<{ tokens: Tokens; own: string }> {
  const admin = await createToken(benchSecret, { sub: "load-admin", role: "admin", orgs: [] });
  const forums = await getJson<{ items: { members: string[] }[] }>(url, "/api/v1/forums", admin);
  const members = forums.items[0]?.members ?? [];
  const own = members[0];
  if (own === undefined) throw new Error("the bench county has no forum");
  const tokens = {
    admin,
    lan: await createToken(benchSecret, { sub: "load-lan", role: "lan", orgs: [] }),
    ledning: await createToken(benchSecret, {
      sub: "load-ledning",
      role: "ledning",
      orgs: members,
    }),
    samordnare: await createToken(benchSecret, {
      sub: "load-samordnare",
      role: "samordnare",
      orgs: [own],
    }),
  };
  return { tokens, own };
}

/** Everything the mix names, read through the API as its users would find it. */
async function readCounty(url: string, tokens: Tokens, own: string): Promise<CountyFacts> {
  type Named = { code: string };
  const catalogues = await getJson<{
    processes: Named[];
    targetGroups: Named[];
    municipalities: Named[];
  }>(url, "/api/v1/catalogues", tokens.admin);
  const list = (path: string, token = tokens.admin) =>
    getJson<{ items: { id: string | number }[] }>(url, path, token).then((r) =>
      r.items.map((item) => String(item.id)),
    );
  const forumIds = await list("/api/v1/forums");
  const forums = await Promise.all(
    forumIds.map(async (id) => ({ id, meetings: await list(`/api/v1/forums/${id}/meetings`) })),
  );
  const writableSessions: string[] = [];
  // A dozen boards in collect, as on a morning with several teams evaluating at once.
  for (let i = 0; i < 12; i++) {
    const created = await postJson<{ id: string }>(url, "/api/v1/evaluations", tokens.samordnare, {
      title: `Belastningsprov ${i + 1}`,
      organisations: [own],
      from: "2025-01-01",
      to: "2025-06-30",
      anonymous: i % 3 === 0,
      votesPerParticipant: 3,
    });
    writableSessions.push(created.id);
  }
  const process = catalogues.processes[0]?.code;
  if (process === undefined) throw new Error("no process in the catalogue");
  return {
    process,
    targetGroups: catalogues.targetGroups.map((g) => g.code),
    municipalities: catalogues.municipalities.map((m) => m.code),
    themes: evaluationThemes.map((theme) => theme.code),
    agreements: await list("/api/v1/agreements"),
    forums: forums.filter((forum) => forum.meetings.length > 0),
    sessions: await list("/api/v1/evaluations"),
    writableSessions,
  };
}

async function getJson<T>(url: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function postJson<T>(url: string, path: string, token: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
