/**
 * The request mix of `pnpm bench:load` (issue 20): what a county's morning looks like to the API.
 * Pure: the county's facts and a random source in, one request out. Of the connections, a twentieth
 * hold live board streams open; the others send requests in the proportions, 70 % metric
 * reads, 15 % page reads and 10 % writes (70 : 15 : 10 of the requests sent).
 */

import type { Random } from "@samsyn/demo-data";

export type TrafficKind = "metric" | "page" | "write";

/** The shares of the requests sent; streams are connections held open, not requests. */
export const requestShares: Readonly<Record<TrafficKind, number>> = {
  metric: 70,
  page: 15,
  write: 10,
};

/** The share of connections that hold a live board stream instead of sending requests. */
export const streamShare = 0.05;

export type Role = "admin" | "lan" | "ledning" | "samordnare";

export interface PlannedRequest {
  readonly kind: TrafficKind;
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly role: Role;
  readonly body?: string;
  /** For a note written to a board: the board written to. */
  readonly sessionId?: string;
}

/** What the mix needs to know of the county, read through the API before the load starts. */
export interface CountyFacts {
  readonly process: string;
  readonly targetGroups: readonly string[];
  readonly municipalities: readonly string[];
  readonly themes: readonly string[];
  readonly agreements: readonly string[];
  readonly forums: readonly { readonly id: string; readonly meetings: readonly string[] }[];
  /** The demo's sessions, read as pages. */
  readonly sessions: readonly string[];
  /** Sessions in `collect` made for the load: the writes add notes to them. */
  readonly writableSessions: readonly string[];
}

/** Whole-month periods a manager asks about, each read as of its last day. */
const periods = [
  { from: "2022-01-01", to: "2025-06-30" },
  { from: "2024-01-01", to: "2024-12-31" },
  { from: "2025-01-01", to: "2025-06-30" },
  { from: "2024-07-01", to: "2025-06-30" },
] as const;

/** Per metric, the groupings its pages offer ("" is the total alone). */
function metricQueries(process: string): readonly { endpoint: string; variants: string[][] }[] {
  return [
    {
      endpoint: "cases",
      variants: [[], ["groupBy=targetGroup"], ["groupBy=step"], ["groupBy=targetGroup,step"]],
    },
    {
      endpoint: "trend",
      variants: [["measure=opened"], ["measure=opened", "groupBy=targetGroup"]],
    },
    { endpoint: "sip", variants: [[], ["groupBy=ageGroup"], ["groupBy=targetGroup,ageGroup"]] },
    { endpoint: "network", variants: [["level=principalType"]] },
    { endpoint: "stuck", variants: [["groupBy=step"], ["groupBy=step,municipality"]] },
    {
      endpoint: "lead-times",
      variants: [
        [`process=${process}`, "fromStep=1", "toStep=3"],
        [`process=${process}`, "fromStep=1", "toStep=3", "groupBy=targetGroup"],
      ],
    },
    { endpoint: "flow", variants: [[`process=${process}`]] },
  ];
}

const metricRoles: readonly Role[] = ["admin", "lan", "ledning", "samordnare"];

export function metricRequest(county: CountyFacts, random: Random): PlannedRequest {
  const query = random.pick(metricQueries(county.process));
  const params = [...random.pick(query.variants)];
  const period = random.pick(periods);
  params.push(`from=${period.from}`, `to=${period.to}`, `asOf=${period.to}`);
  // A third of the reads narrow the population, as a manager drilling down does.
  const filter = random.next();
  if (filter < 1 / 6) params.push(`targetGroup=${random.pick(county.targetGroups)}`);
  else if (filter < 1 / 3) params.push(`municipality=${random.pick(county.municipalities)}`);
  return {
    kind: "metric",
    method: "GET",
    path: `/api/v1/metrics/${query.endpoint}?${params.join("&")}`,
    role: random.pick(metricRoles),
  };
}

export function pageRequest(county: CountyFacts, random: Random): PlannedRequest {
  const forum = random.pick(county.forums);
  const pages: readonly (() => PlannedRequest)[] = [
    () => page("/api/v1/agreements", "ledning"),
    () => page(`/api/v1/agreements/${random.pick(county.agreements)}`, "admin"),
    () => page("/api/v1/forums", "ledning"),
    () => page(`/api/v1/forums/${forum.id}`, "admin"),
    () => page(`/api/v1/forums/${forum.id}/meetings/${random.pick(forum.meetings)}`, "admin"),
    () => page("/api/v1/evaluations", "samordnare"),
    () => page(`/api/v1/evaluations/${random.pick(county.sessions)}`, "admin"),
    () => page("/api/v1/escalations", "lan"),
  ];
  return random.pick(pages)();
}

function page(path: string, role: Role): PlannedRequest {
  return { kind: "page", method: "GET", path, role };
}

/** Notes as participants write them in a meeting; never a personnummer, never a name. */
const notes = [
  "Samordnaren kallade alla i tid",
  "Vi hade samma bild av målet",
  "Svårt att nå skolan under lovet",
  "Planen följdes upp som avtalat",
  "Oklart vem som bokar mötet",
  "Bra att regionen var med från start",
] as const;

export function writeRequest(county: CountyFacts, random: Random): PlannedRequest {
  const sessionId = random.pick(county.writableSessions);
  const body = JSON.stringify({
    kind: random.next() < 0.5 ? "worked_well" : "improve",
    text: random.pick(notes),
    theme: random.pick(county.themes),
  });
  return {
    kind: "write",
    method: "POST",
    path: `/api/v1/evaluations/${sessionId}/items`,
    role: "samordnare",
    body,
    sessionId,
  };
}

/** The next request of the mix. */
export function nextRequest(county: CountyFacts, random: Random): PlannedRequest {
  const total = requestShares.metric + requestShares.page + requestShares.write;
  const draw = random.next() * total;
  if (draw < requestShares.metric) return metricRequest(county, random);
  if (draw < requestShares.metric + requestShares.page) return pageRequest(county, random);
  return writeRequest(county, random);
}

/** How many of `connections` hold a stream: at least one, so that live delivery is under load. */
export function streamConnections(connections: number): number {
  return Math.max(1, Math.round(connections * streamShare));
}
