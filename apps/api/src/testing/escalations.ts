/**
 * Bodies for the escalation routes, shared by the tests that call every route (permissions, the
 * response contract) and the module's own: a dispute between Stockholms stad and the region,
 * about a routine or about one of Stockholm's cases.
 */
export const aRoutineEscalation = {
  about: { kind: "routine", section: "ansvarsfordelning" },
  organisations: ["stockholms_stad", "region_stockholm"],
  question: "Vem ansvarar för boendestöd under pågående beroendebehandling?",
};

export function aCaseEscalation(caseId: number) {
  return {
    about: { kind: "case", caseId },
    organisations: ["stockholms_stad", "region_stockholm"],
    question: "Oenighet om vem som är huvudansvarig för samordningen i ärendet.",
  };
}

export const aLift = { note: "Enhetscheferna kom inte överens; lyfts till verksamhetscheferna." };
export const aResolution = { resolution: "Regionen samordnar; rutinen förtydligas." };

/** What the calls of every escalation route act on: case escalations of Stockholm and the region. */
export interface EscalationFixtures {
  /** One that no call changes: for the read of one escalation. */
  readonly escalationId: string;
  /** A fresh open escalation per call, round and round: a third lift of one is 409. */
  nextToLift(): string;
  /** A fresh open escalation per call, round and round: a second resolve of one is 409. */
  nextToResolve(): string;
}

/**
 * Raises the fixtures through the API with `raise` (a POST /escalations by a samordnare who sees
 * `caseId`, answering 201 with an `id`): one to read and `count` each to lift and to resolve.
 */
export async function createEscalationFixtures(
  raise: (body: unknown) => Promise<string>,
  caseId: number,
  count: number,
): Promise<EscalationFixtures> {
  const body = aCaseEscalation(caseId);
  const escalationId = await raise(body);
  const toLift: string[] = [];
  const toResolve: string[] = [];
  for (let i = 0; i < count; i++) {
    toLift.push(await raise(body));
    toResolve.push(await raise(body));
  }
  const cycle = (pool: readonly string[]) => {
    let next = 0;
    return () => pool[next++ % pool.length] ?? "";
  };
  return { escalationId, nextToLift: cycle(toLift), nextToResolve: cycle(toResolve) };
}

/** One ordinary call of an escalation operation: its path, method and JSON body, if any. */
export interface EscalationCall {
  readonly path: string;
  readonly method: "GET" | "POST";
  readonly body?: unknown;
}

export function escalationCall(
  operation: string,
  fixtures: EscalationFixtures,
): EscalationCall | undefined {
  switch (operation) {
    case "GET /api/v1/escalations":
      return { path: "/api/v1/escalations?status=open", method: "GET" };
    case "GET /api/v1/metrics/escalations":
      return { path: "/api/v1/metrics/escalations?groupBy=level", method: "GET" };
    case "GET /api/v1/escalations/{id}":
      return { path: `/api/v1/escalations/${fixtures.escalationId}`, method: "GET" };
    case "POST /api/v1/escalations":
      return { path: "/api/v1/escalations", method: "POST", body: aRoutineEscalation };
    case "POST /api/v1/escalations/{id}/lift":
      return {
        path: `/api/v1/escalations/${fixtures.nextToLift()}/lift`,
        method: "POST",
        body: aLift,
      };
    case "POST /api/v1/escalations/{id}/resolve":
      return {
        path: `/api/v1/escalations/${fixtures.nextToResolve()}/resolve`,
        method: "POST",
        body: aResolution,
      };
    default:
      return undefined;
  }
}
