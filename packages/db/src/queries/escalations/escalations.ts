import {
  type EscalationAboutKind,
  type EscalationLevel,
  type EscalationStatus,
  type IsoDate,
  type Scope,
  seesAllEscalations,
  stockholmDate,
} from "@samsyn/domain";
import { and, arrayOverlaps, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import { type AuditContext, type AuditEntry, type AuditOutcome, audited } from "../../audit";
import type { Db } from "../../client";
import { escalations } from "../../schema";
import { ok, type Result, refuse } from "../result";
import { escalationAccess, loadEscalation } from "./access";
import { type EscalationView, escalationViews } from "./views";

export interface EscalationFilter {
  readonly status?: EscalationStatus;
  readonly level?: EscalationLevel;
}

/**
 * `GET /escalations`: the escalations the caller may read — lan and admin all; ledning and
 * samordnare those in which one of their organisations is in dispute — newest first. Audited as
 * `escalation.list` with the ids shown and the cases they name, since an escalation may name a
 * case.
 */
export function listEscalations(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  filter: EscalationFilter,
  now: Date = new Date(),
): Promise<Result<readonly EscalationView[]>> {
  return audited(db, ctx, async (tx) => {
    const conditions: (SQL | undefined)[] = [visibleTo(scope)];
    if (filter.status !== undefined) conditions.push(eq(escalations.status, filter.status));
    if (filter.level !== undefined) conditions.push(eq(escalations.level, filter.level));
    const rows = await tx
      .select()
      .from(escalations)
      .where(and(...conditions))
      .orderBy(desc(escalations.openedOn), desc(escalations.createdAt), asc(escalations.id));
    const items = await escalationViews(tx, rows, stockholmDate(now.getTime()));
    const audit: AuditEntry = {
      action: "escalation.list",
      objectType: "escalation_list",
      objectId: null,
      outcome: "ok",
      details: {
        status: filter.status ?? null,
        level: filter.level ?? null,
        escalationIds: items.map((e) => e.id),
        caseIds: items.flatMap((e) => (e.about.kind === "case" ? [e.about.caseId] : [])),
      },
    };
    return { result: ok(items), audit };
  });
}

/**
 * `GET /escalations/{id}`: 404 for an id that names nothing or an escalation out of the caller's
 * sight. Audited like the list (`escalation.list`, the escalation as its object), with the
 * case's ref hash when it names one.
 */
export function getEscalation(
  db: Db,
  scope: Scope,
  ctx: AuditContext,
  id: string,
  now: Date = new Date(),
): Promise<Result<EscalationView>> {
  const entry = (outcome: AuditOutcome, refHashHex: string | null = null): AuditEntry => ({
    action: "escalation.list",
    objectType: "escalation",
    objectId: id,
    outcome,
    caseRefHash: refHashHex === null ? null : Buffer.from(refHashHex, "hex"),
  });
  return audited(db, ctx, async (tx) => {
    const found = await loadEscalation(tx, id);
    if (found === undefined) return { result: refuse("not_found"), audit: entry("not_found") };
    const hash = found.caseRefHashHex;
    if ((await escalationAccess(tx, scope, found.row)) === "none")
      return { result: refuse("not_found"), audit: entry("not_found", hash) };
    const [view] = await escalationViews(tx, [found.row], stockholmDate(now.getTime()));
    if (view === undefined) throw new Error("an escalation without its view");
    return { result: ok(view), audit: entry("ok", hash) };
  });
}

/** An open escalation as the forum's suggested agenda needs it: no text, no case. */
export interface OpenEscalation {
  readonly id: string;
  readonly level: EscalationLevel;
  readonly organisations: readonly string[];
  readonly openedOn: IsoDate;
  readonly aboutKind: EscalationAboutKind;
}

/**
 * The open escalations in which one of `organisations` is in dispute ("all": the county's),
 * at `level` when given, oldest first: for the signals of a forum's suggested agenda.
 */
export async function openEscalations(
  db: Db,
  options: {
    readonly organisations: readonly string[] | "all";
    readonly level?: EscalationLevel;
  },
): Promise<OpenEscalation[]> {
  const { organisations, level } = options;
  if (organisations !== "all" && organisations.length === 0) return [];
  const rows = await db
    .select({
      id: escalations.id,
      level: escalations.level,
      organisations: escalations.organisations,
      openedOn: escalations.openedOn,
      aboutKind: escalations.aboutKind,
    })
    .from(escalations)
    .where(
      and(
        eq(escalations.status, "open"),
        level === undefined ? undefined : eq(escalations.level, level),
        organisations === "all"
          ? undefined
          : arrayOverlaps(escalations.organisations, [...organisations] as never),
      ),
    )
    .orderBy(asc(escalations.openedOn), asc(escalations.id));
  return rows.map((row) => ({ ...row, level: row.level as EscalationLevel }));
}

/** lan and admin read every escalation; others those their organisations are in dispute in. */
function visibleTo(scope: Scope): SQL | undefined {
  if (seesAllEscalations(scope)) return undefined;
  // An empty array parameter has no type the drivers agree on; a caller without organisations
  // sees none.
  if (scope.orgs.length === 0) return sql`false`;
  return arrayOverlaps(escalations.organisations, [...scope.orgs] as never);
}
