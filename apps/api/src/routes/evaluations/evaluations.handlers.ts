import {
  addEvaluationItem,
  castEvaluationVote,
  changeEvaluationPhase,
  createEvaluation,
  createEvaluationGroup,
  getEvaluationBoard,
  liftEvaluationItem,
  listEvaluations,
  moveToEvaluationGroup,
} from "@samsyn/db";
import type { IsoDate } from "@samsyn/domain";
import { auditOf, orRefuse, withoutUndefined } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import {
  addItemRoute,
  castVoteRoute,
  changePhaseRoute,
  createEvaluationRoute,
  createGroupRoute,
  getEvaluationRoute,
  liftItemRoute,
  listEvaluationsRoute,
  moveToGroupRoute,
} from "./evaluations.routes";
import { evaluationFigureRoutes } from "./figures.handlers";
import { plainAction, plainBoard, plainGroup } from "./plain";

/**
 * Utvärdering (SPEC "Acting on the figures — the API contract", part Utvärdering). The
 * operations in db decide, screen, scope and audit; these handlers only translate. The theme
 * trend and the figures are registered first: `/evaluations/themes` before `/evaluations/{id}`.
 *
 * A participant's writes (items, groups, votes) set `withholdSubject`, leaving the subject out of
 * the request's log line: in an anonymous session the log must not say who wrote, and saying it
 * for the other sessions would tell which sessions are anonymous.
 */
export function evaluationRoutes() {
  return createRouter()
    .route("/", evaluationFigureRoutes())
    .openapi(listEvaluationsRoute, async (c) => {
      const database = readDatabase(c);
      const items = await listEvaluations(
        database.db,
        c.get("scope"),
        withoutUndefined(c.req.valid("query")),
      );
      return c.json(
        {
          items: items.map((s) => ({
            ...s,
            organisations: [...s.organisations],
            steps: [...s.steps],
          })),
        },
        200,
      );
    })
    .openapi(getEvaluationRoute, async (c) => {
      const { database, secret } = c.get("deps");
      const board = orRefuse(
        await getEvaluationBoard(database.db, c.get("scope"), secret, c.req.valid("param").id),
      );
      return c.json(plainBoard(board), 200);
    })
    .openapi(createEvaluationRoute, async (c) => {
      const { database, secret } = c.get("deps");
      const input = c.req.valid("json");
      const board = orRefuse(
        await createEvaluation(database.db, c.get("scope"), auditOf(c), secret, {
          ...withoutUndefined(input),
          from: input.from as IsoDate,
          to: input.to as IsoDate,
        }),
      );
      return c.json(plainBoard(board), 201);
    })
    .openapi(addItemRoute, async (c) => {
      c.set("withholdSubject", true);
      const { database } = c.get("deps");
      const item = orRefuse(
        await addEvaluationItem(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          withoutUndefined(c.req.valid("json")),
        ),
      );
      return c.json(item, 201);
    })
    .openapi(changePhaseRoute, async (c) => {
      const { database, secret } = c.get("deps");
      const board = orRefuse(
        await changeEvaluationPhase(
          database.db,
          c.get("scope"),
          auditOf(c),
          secret,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
      );
      return c.json(plainBoard(board), 200);
    })
    .openapi(createGroupRoute, async (c) => {
      c.set("withholdSubject", true);
      const { database } = c.get("deps");
      const group = orRefuse(
        await createEvaluationGroup(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
      );
      return c.json(plainGroup(group), 201);
    })
    .openapi(moveToGroupRoute, async (c) => {
      c.set("withholdSubject", true);
      const { database } = c.get("deps");
      const { id, gid } = c.req.valid("param");
      const group = orRefuse(
        await moveToEvaluationGroup(
          database.db,
          c.get("scope"),
          auditOf(c),
          id,
          gid,
          c.req.valid("json"),
        ),
      );
      return c.json(plainGroup(group), 200);
    })
    .openapi(castVoteRoute, async (c) => {
      c.set("withholdSubject", true);
      const { database, secret } = c.get("deps");
      const vote = orRefuse(
        await castEvaluationVote(
          database.db,
          c.get("scope"),
          auditOf(c),
          secret,
          c.req.valid("param").id,
          c.req.valid("json"),
        ),
      );
      return c.json(vote, 201);
    })
    .openapi(liftItemRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, itemId } = c.req.valid("param");
      const input = c.req.valid("json");
      const action = orRefuse(
        await liftEvaluationItem(database.db, c.get("scope"), auditOf(c), id, itemId, {
          ...input,
          dueOn: input.dueOn as IsoDate,
        }),
      );
      return c.json(plainAction(action), 201);
    });
}
