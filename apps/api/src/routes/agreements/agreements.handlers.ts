import {
  type AgreementView,
  agreementCoverage,
  changeAgreementStatus,
  closeDeviation,
  createAgreement,
  getAgreement,
  listAgreements,
  logDeviation,
  type NewAgreement,
  reviseAgreement,
} from "@samsyn/db";
import {
  type AgreementFields,
  type AgreementStatus,
  type IsoDate,
  parseReviewDue,
  seesAllAgreements,
  stockholmDate,
  t,
} from "@samsyn/domain";
import { ApiError } from "../../errors";
import { auditOf, orRefuse, withoutUndefined } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import {
  agreementStatusRoute,
  closeDeviationRoute,
  coverageRoute,
  createAgreementRoute,
  getAgreementRoute,
  listAgreementsRoute,
  logDeviationRoute,
  patchAgreementRoute,
} from "./agreements.routes";
import { registerRoutes } from "./register.handlers";

const today = (): IsoDate => stockholmDate(Date.now());

/**
 * Överenskommelser (SPEC "Acting on the figures — the API contract", part Överenskommelser).
 * The operations in db decide, screen and audit; these handlers only translate. Coverage is
 * registered before `/agreements/{id}`, which would otherwise take "coverage" for an id.
 */
export function agreementRoutes() {
  return createRouter()
    .route("/", registerRoutes())
    .openapi(coverageRoute, async (c) => {
      const database = readDatabase(c);
      const scope = c.get("scope");
      const asOf = (c.req.valid("query").asOf ?? today()) as IsoDate;
      const coverage = await agreementCoverage(database.db, asOf);
      // Whether a cell is covered is the county's shared fact; which agreements cover it, only
      // as far as the caller may read them.
      const visible = seesAllAgreements(scope)
        ? undefined
        : new Set((await listAgreements(database.db, scope, {}, today())).map((a) => a.id));
      const cells = coverage.cells.map((cell) => ({
        ...cell,
        agreements:
          visible === undefined
            ? [...cell.agreements]
            : cell.agreements.filter((id) => visible.has(id)),
      }));
      return c.json({ asOf: coverage.asOf, targetGroups: [...coverage.targetGroups], cells }, 200);
    })
    .openapi(listAgreementsRoute, async (c) => {
      const database = readDatabase(c);
      const query = c.req.valid("query");
      const reviewDue = query.reviewDue === undefined ? undefined : parseReviewDue(query.reviewDue);
      if (query.reviewDue !== undefined && reviewDue === undefined) {
        throw new ApiError("bad_request", t("error.bad_request"), [
          { path: "reviewDue", message: t("agreements.invalid.reviewDue") },
        ]);
      }
      const items = await listAgreements(
        database.db,
        c.get("scope"),
        {
          status: query.status as AgreementStatus[],
          municipality: query.municipality,
          targetGroup: query.targetGroup,
          ...(reviewDue === undefined ? {} : { reviewDue }),
        },
        today(),
      );
      return c.json({ items: items.map(plain) }, 200);
    })
    .openapi(createAgreementRoute, async (c) => {
      const { database } = c.get("deps");
      const body = c.req.valid("json") as unknown as NewAgreement;
      const created = orRefuse(
        await createAgreement(database.db, c.get("scope"), auditOf(c), body),
      );
      return c.json(plain(created), 201);
    })
    .openapi(getAgreementRoute, async (c) => {
      const { database } = c.get("deps");
      const found = orRefuse(
        await getAgreement(database.db, c.get("scope"), c.req.valid("param").id),
      );
      return c.json(
        {
          ...plain(found),
          revisions: found.revisions.map((r) => ({ ...r, fields: [...r.fields] })),
          deviations: found.deviations.map((d) => ({ ...d, organisations: [...d.organisations] })),
          deviationsBySection: [...found.deviationsBySection],
        },
        200,
      );
    })
    .openapi(patchAgreementRoute, async (c) => {
      const { database } = c.get("deps");
      const { expectedRevision, ...changes } = c.req.valid("json");
      const revised = orRefuse(
        await reviseAgreement(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          expectedRevision,
          withoutUndefined(changes) as unknown as Partial<AgreementFields>,
        ),
      );
      return c.json(plain(revised), 200);
    })
    .openapi(agreementStatusRoute, async (c) => {
      const { database } = c.get("deps");
      const changed = orRefuse(
        await changeAgreementStatus(
          database.db,
          c.get("scope"),
          auditOf(c),
          c.req.valid("param").id,
          withoutUndefined(c.req.valid("json")),
        ),
      );
      return c.json(plain(changed), 200);
    })
    .openapi(logDeviationRoute, async (c) => {
      const { database } = c.get("deps");
      const body = c.req.valid("json");
      const logged = orRefuse(
        await logDeviation(database.db, c.get("scope"), auditOf(c), c.req.valid("param").id, {
          ...body,
          occurredOn: body.occurredOn as IsoDate,
          organisations: body.organisations as never,
        }),
      );
      return c.json({ ...logged, organisations: [...logged.organisations] }, 201);
    })
    .openapi(closeDeviationRoute, async (c) => {
      const { database } = c.get("deps");
      const { id, did } = c.req.valid("param");
      const closed = orRefuse(
        await closeDeviation(database.db, c.get("scope"), auditOf(c), id, {
          deviationId: did,
          resolution: c.req.valid("json").resolution,
        }),
      );
      return c.json({ ...closed, organisations: [...closed.organisations] }, 200);
    });
}

/** The readonly arrays of the domain's types as the plain arrays the response schemas declare. */
function plain<T extends AgreementView>(a: T) {
  return {
    ...a,
    parties: [...a.parties],
    targetGroups: [...a.targetGroups],
    municipalities: [...a.municipalities],
    sections: a.sections.map((s) => ({ ...s })),
  };
}
