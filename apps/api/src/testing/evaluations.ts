/**
 * Bodies and fixtures for the evaluation routes, shared by the tests that call every route
 * (permissions, the response contract) and the module's own: sessions of Stockholms stad and
 * the region, in each phase a call needs.
 */
export const aSession = {
  title: "Samverkan kring samsjuklighet, våren 2026",
  organisations: ["stockholms_stad", "region_stockholm"],
  from: "2026-01-01",
  to: "2026-03-31",
  process: "intern_samsjuklighet",
  steps: [2, 3],
  anonymous: false,
  votesPerParticipant: 10,
};

export const anEvaluationItem = {
  kind: "improve",
  text: "Kallelserna till SIP kom för sent",
  theme: "kommunikation",
  step: 3,
};

export const aSessionForum = {
  name: "Ledningsforum för utvärderingar",
  level: "lokal",
  members: ["stockholms_stad", "region_stockholm"],
  chair: "stockholms_stad",
};

export interface EvaluationFixtures {
  readonly evaluationId: string;
  /** A session in phase collect, fresh per call: moving a phase twice to group is 409. */
  nextToAdvance(): string;
  /** A session in phase group with an item and a group. */
  readonly grouping: { readonly id: string; readonly itemId: string; readonly groupId: string };
  /** A session in phase vote with an item; ten votes per participant. */
  readonly voting: { readonly id: string; readonly itemId: string };
  readonly forumId: string;
}

/**
 * Creates the fixtures through the API: `create` POSTs expecting 201 and answers the id,
 * `advance` POSTs a phase move expecting 200. Run by admin.
 */
export async function createEvaluationFixtures(
  create: (path: string, body: unknown) => Promise<string>,
  advance: (path: string, body: unknown) => Promise<void>,
  count: number,
): Promise<EvaluationFixtures> {
  const session = () => create("/api/v1/evaluations", aSession);
  const item = (id: string) => create(`/api/v1/evaluations/${id}/items`, anEvaluationItem);
  const to = (id: string, phase: string) => advance(`/api/v1/evaluations/${id}/phase`, { phase });
  const evaluationId = await session();
  await item(evaluationId);
  const fresh: string[] = [];
  for (let i = 0; i < count; i++) fresh.push(await session());
  const grouping = await session();
  const groupedItem = await item(grouping);
  await to(grouping, "group");
  const groupId = await create(`/api/v1/evaluations/${grouping}/groups`, {
    title: "Kallelser",
    items: [groupedItem],
  });
  const voting = await session();
  const votedItem = await item(voting);
  await to(voting, "group");
  await to(voting, "vote");
  const forumId = await create("/api/v1/forums", aSessionForum);
  let next = 0;
  return {
    evaluationId,
    nextToAdvance: () => fresh[next++ % fresh.length] ?? "",
    grouping: { id: grouping, itemId: groupedItem, groupId },
    voting: { id: voting, itemId: votedItem },
    forumId,
  };
}

export interface EvaluationCall {
  readonly path: string;
  readonly method: "GET" | "POST";
  readonly body?: unknown;
}

/** One ordinary call of an evaluation operation (not the live stream's). */
export function evaluationCall(
  operation: string,
  fixtures: EvaluationFixtures,
  itemId: () => string = () => fixtures.grouping.itemId,
): EvaluationCall | undefined {
  const base = `/api/v1/evaluations/${fixtures.evaluationId}`;
  switch (operation) {
    case "GET /api/v1/evaluations":
      return { path: "/api/v1/evaluations?phase=collect", method: "GET" };
    case "GET /api/v1/evaluations/themes":
      return { path: "/api/v1/evaluations/themes?groupBy=theme,month", method: "GET" };
    case "GET /api/v1/evaluations/{id}":
      return { path: base, method: "GET" };
    case "GET /api/v1/evaluations/{id}/figures":
      return { path: `${base}/figures`, method: "GET" };
    case "POST /api/v1/evaluations":
      return { path: "/api/v1/evaluations", method: "POST", body: aSession };
    case "POST /api/v1/evaluations/{id}/items":
      return { path: `${base}/items`, method: "POST", body: anEvaluationItem };
    case "POST /api/v1/evaluations/{id}/phase":
      return {
        path: `/api/v1/evaluations/${fixtures.nextToAdvance()}/phase`,
        method: "POST",
        body: { phase: "group" },
      };
    case "POST /api/v1/evaluations/{id}/groups":
      return {
        path: `/api/v1/evaluations/${fixtures.grouping.id}/groups`,
        method: "POST",
        body: { title: "Kallelser", items: [fixtures.grouping.itemId] },
      };
    case "POST /api/v1/evaluations/{id}/groups/{gid}/items":
      return {
        path: `/api/v1/evaluations/${fixtures.grouping.id}/groups/${fixtures.grouping.groupId}/items`,
        method: "POST",
        body: { items: [fixtures.grouping.itemId] },
      };
    case "POST /api/v1/evaluations/{id}/votes":
      return {
        path: `/api/v1/evaluations/${fixtures.voting.id}/votes`,
        method: "POST",
        body: { target: fixtures.voting.itemId },
      };
    case "POST /api/v1/evaluations/{id}/items/{itemId}/action":
      return {
        path: `/api/v1/evaluations/${fixtures.grouping.id}/items/${itemId()}/action`,
        method: "POST",
        body: { forumId: fixtures.forumId, owner: "stockholms_stad", dueOn: "2026-09-30" },
      };
    default:
      return undefined;
  }
}
