import type { IsoDate } from "../codes";
import { err, ok, type Result } from "../result";
import {
  type Agreement,
  type AgreementField,
  type AgreementStatus,
  agreementFieldNames,
} from "./agreement";
import {
  type AgreementCatalogue,
  type AgreementChange,
  type AgreementError,
  type AgreementRecord,
  decideAgreement,
} from "./decide";
import type { RegisterIssue, RegisterRow } from "./register-csv";

/**
 * How an imported register row meets the stored register (README "The register as CSV"):
 *
 * - a row with an `id` is that agreement: unchanged when every column equals what is stored,
 *   otherwise changed through the decider — but only when its `revision` is the stored one, so
 *   that an old export never undoes someone's later edit; an `id` that names nothing stored
 *   creates the agreement under that id (a register moved between installations keeps its ids);
 * - a row without an `id` is a stored agreement with exactly its contents, or a new one.
 *
 * So the same file imported twice changes nothing the second time. Every change is a decision
 * of `decideAgreement`, exactly as the API's routes make it: the same codes, rules and revisions.
 */
export type RegisterOutcome = "created" | "updated" | "unchanged";

export interface PlannedRegisterRow {
  readonly line: number;
  readonly outcome: RegisterOutcome;
  /** The agreement's id; null for a new row without one (the database gives it). */
  readonly id: string | null;
  /** The revisions to write, oldest first; for a created agreement the first is revision 1. */
  readonly revisions: readonly Extract<AgreementChange, { type: "agreementRevised" }>[];
}

/** The path from `draft` to each status, through the transitions `canChangeStatus` allows. */
const pathFromDraft: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: [],
  active: ["active"],
  under_review: ["active", "under_review"],
  expired: ["active", "expired"],
  replaced: ["active", "replaced"],
};

const endingStatuses: readonly AgreementStatus[] = ["expired", "replaced"];

/** The file's column for each field a decider refusal names. */
const columnOfField: Readonly<Record<string, string>> = {
  targetGroups: "target_groups",
  validFrom: "valid_from",
  validTo: "valid_to",
  reviewBy: "review_by",
  documentUrl: "document_url",
  replacedBy: "replaced_by",
  expectedRevision: "revision",
};

export function planRegisterImport(
  rows: readonly RegisterRow[],
  stored: readonly Agreement[],
  catalogue: AgreementCatalogue,
  today: IsoDate,
): Result<readonly PlannedRegisterRow[], readonly RegisterIssue[]> {
  const byId = new Map(stored.map((a) => [a.id, a]));
  const byContents = new Map(stored.map((a) => [contentsOf(a), a]));
  const idsAfterImport = new Set([...byId.keys(), ...rows.flatMap((r) => r.id ?? [])]);
  const firstLineOf = new Map<string, number>();
  const issues: RegisterIssue[] = [];
  const planned: PlannedRegisterRow[] = [];
  for (const row of rows) {
    const key = row.id ?? contentsOf(asRecord(row));
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      issues.push({
        line: row.line,
        column: row.id === null ? null : "id",
        message:
          row.id === null ? "agreements.register.repeatedRow" : "agreements.register.repeatedId",
        params: { line: first },
      });
      continue;
    }
    firstLineOf.set(key, row.line);
    const existing = row.id === null ? byContents.get(contentsOf(asRecord(row))) : byId.get(row.id);
    const successor =
      row.replacedBy !== null && row.replacedBy !== row.id && idsAfterImport.has(row.replacedBy)
        ? { id: row.replacedBy }
        : undefined;
    const plan =
      existing === undefined
        ? planCreate(row, catalogue, today, successor)
        : planUpdate(row, existing, catalogue, today, successor);
    if (plan.ok) planned.push(plan.value);
    else issues.push(...plan.error);
  }
  return issues.length > 0 ? err(issues) : ok(planned);
}

type Revision = PlannedRegisterRow["revisions"][number];
type Step = (
  current: AgreementRecord | undefined,
) => Result<readonly AgreementChange[], AgreementError>;

function planCreate(
  row: RegisterRow,
  catalogue: AgreementCatalogue,
  today: IsoDate,
  successor: { id: string } | undefined,
): Result<PlannedRegisterRow, RegisterIssue[]> {
  const create: Step = () =>
    decideAgreement(
      { type: "createAgreement", fields: row.fields },
      { agreement: undefined, catalogue },
    );
  const statuses = pathFromDraft[row.status].map((status) =>
    statusStep(row, status, catalogue, today, successor),
  );
  return run(row, "created", undefined, [create, ...statuses]);
}

function planUpdate(
  row: RegisterRow,
  existing: Agreement,
  catalogue: AgreementCatalogue,
  today: IsoDate,
  successor: { id: string } | undefined,
): Result<PlannedRegisterRow, RegisterIssue[]> {
  const { id, ...record } = existing;
  if (contentsOf(record) === contentsOf(asRecord(row))) {
    return ok({ line: row.line, outcome: "unchanged", id, revisions: [] });
  }
  if (row.revision !== existing.revision) {
    return err([
      {
        line: row.line,
        column: "revision",
        message: "agreements.register.revisionChanged",
        params: { revision: existing.revision },
      },
    ]);
  }
  const revise: Step = (current) =>
    decideAgreement(
      { type: "reviseAgreement", expectedRevision: current?.revision ?? 0, changes: row.fields },
      { agreement: current, catalogue },
    );
  const steps: Step[] = [];
  const status = statusStep(row, row.status, catalogue, today, successor);
  // Fields before an ending status (an ended agreement takes no edits); after any other, so
  // that the row's review date stands even when the row completes a review.
  if (row.status === record.status) steps.push(revise);
  else if (endingStatuses.includes(row.status)) steps.push(revise, status);
  else steps.push(status, revise);
  return run(row, "updated", { id, record }, steps);
}

function statusStep(
  row: RegisterRow,
  status: AgreementStatus,
  catalogue: AgreementCatalogue,
  today: IsoDate,
  successor: { id: string } | undefined,
): Step {
  return (current) =>
    decideAgreement(
      {
        type: "changeAgreementStatus",
        status,
        ...(status === "replaced" && row.replacedBy !== null ? { replacedBy: row.replacedBy } : {}),
        on: today,
      },
      { agreement: current, catalogue, successor },
    );
}

/** Runs the decisions in order, each on the agreement the previous left; then checks the result is the row. */
function run(
  row: RegisterRow,
  outcome: RegisterOutcome,
  existing: { id: string; record: AgreementRecord } | undefined,
  steps: readonly Step[],
): Result<PlannedRegisterRow, RegisterIssue[]> {
  let current = existing?.record;
  const revisions: Revision[] = [];
  for (const step of steps) {
    const decision = step(current);
    if (!decision.ok) return err([issueOf(row.line, decision.error)]);
    for (const change of decision.value) {
      if (change.type !== "agreementRevised") continue;
      revisions.push(change);
      current = change.agreement;
    }
  }
  if (current === undefined) throw new Error("a register row planned no agreement");
  const differing = differingColumn(current, asRecord(row));
  if (differing !== undefined) {
    return err([
      { line: row.line, column: differing, message: "agreements.register.notImportable" },
    ]);
  }
  return ok({ line: row.line, outcome, id: existing?.id ?? row.id, revisions });
}

function issueOf(line: number, error: AgreementError): RegisterIssue {
  const field = error.field ?? "";
  const column = columnOfField[field] ?? (field === "" ? null : field);
  return { line, column, message: `agreements.error.${error.code}` };
}

/** What the row says the agreement is; its revision is the database's to count. */
function asRecord(row: RegisterRow): Omit<AgreementRecord, "revision"> {
  return { ...row.fields, status: row.status, replacedBy: row.replacedBy };
}

type Contents = Omit<AgreementRecord, "revision">;

/** Every column but id and revision, in one string: equal strings, equal agreements. */
function contentsOf(agreement: Contents): string {
  return JSON.stringify(
    [...agreementFieldNames, "status" as const, "replacedBy" as const].map((name) =>
      comparable(agreement, name),
    ),
  );
}

/** Sections as [kind, title, text]: jsonb keeps its own key order, which must not count. */
function comparable(agreement: Contents, name: AgreementField | "status" | "replacedBy"): unknown {
  if (name === "sections") return agreement.sections.map((s) => [s.kind, s.title, s.text]);
  return agreement[name];
}

function differingColumn(written: Contents, row: Contents): string | undefined {
  const names: readonly (AgreementField | "status" | "replacedBy")[] = [
    ...agreementFieldNames,
    "status",
    "replacedBy",
  ];
  const name = names.find(
    (n) => JSON.stringify(comparable(written, n)) !== JSON.stringify(comparable(row, n)),
  );
  return name === undefined ? undefined : (columnOfField[name] ?? name);
}
