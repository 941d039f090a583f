import type { Board, BoardItem } from "../../api/evaluations";
import type { Catalogues } from "../../api/types";
import type { ExportValue } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { organisationNames } from "../agreements/agreements";
import { columnsOf, type Kind, kinds, stepName, themeName } from "./evaluations";

/**
 * A session's summary, apart from React: what prints on A4 and what the export holds. Names,
 * never codes (organisations, themes, steps); no author, in an anonymous session there is none
 * and in another the summary is about what was said, not who said it.
 */

/** One line of the summary: a group as a whole, or a note (in its group, if any). */
export interface SummaryRow {
  readonly key: string;
  readonly kind: Kind;
  readonly type: "group" | "item";
  readonly group: string | null;
  readonly note: string;
  readonly theme: string;
  readonly step: string;
  /** Null before the discuss phase: totals stay hidden while people vote. */
  readonly votes: number | null;
  readonly action: string;
}

type Status = NonNullable<BoardItem["action"]>["status"];

export function actionStatusName(status: Status): string {
  return t(`evaluationsPage.action.${status}`);
}

/**
 * The summary's lines, column by column as the board shows them (from discuss on, the most voted
 * first): a group's own line (its votes and action) followed by its notes, then the loose notes.
 */
export function summaryRows(
  board: Pick<Board, "items" | "groups" | "phase" | "process">,
  catalogues: Pick<Catalogues, "processes">,
): SummaryRow[] {
  const columns = columnsOf(board);
  const step = (n: number | null) => stepName(catalogues, board.process, n) ?? "";
  const itemRow = (item: BoardItem, group: string | null): SummaryRow => ({
    key: item.id,
    kind: item.kind,
    type: "item",
    group,
    note: item.text,
    theme: themeName(item.theme),
    step: step(item.step),
    votes: item.votes,
    action:
      item.action === null
        ? ""
        : t("evaluationsPage.summary.action_status", {
            status: actionStatusName(item.action.status),
          }),
  });
  return kinds.flatMap((kind) =>
    columns[kind].flatMap((card): SummaryRow[] => {
      if (card.type === "item") return [itemRow(card.item, null)];
      const { group } = card;
      return [
        {
          key: group.id,
          kind,
          type: "group",
          group: group.title,
          note: t("evaluationsPage.summary.whole_group"),
          theme: "",
          step: "",
          votes: group.votes,
          action:
            group.action === null
              ? ""
              : t("evaluationsPage.summary.group_action", {
                  status: actionStatusName(group.action.status),
                }),
        },
        ...card.items.map((item) => itemRow(item, group.title)),
      ];
    }),
  );
}

/** The session's facts as label and value: what the summary's head says. */
export function summaryFacts(
  board: Pick<Board, "organisations" | "from" | "to" | "process" | "steps" | "anonymous" | "phase">,
  catalogues: Catalogues,
): { label: string; value: string }[] {
  const process = catalogues.processes.find((p) => p.code === board.process);
  const steps =
    board.process === null
      ? t("evaluationsPage.summary.no_process")
      : board.steps.length === 0
        ? t("evaluationsPage.summary.all_steps")
        : board.steps.map((s) => stepName(catalogues, board.process, s) ?? String(s)).join("; ");
  return [
    { label: t("evaluationsPage.summary.period"), value: `${board.from} – ${board.to}` },
    {
      label: t("evaluationsPage.summary.organisations"),
      value: organisationNames(catalogues, board.organisations),
    },
    {
      label: t("evaluationsPage.summary.process"),
      value:
        board.process === null
          ? t("evaluationsPage.summary.no_process")
          : (process?.name ?? board.process),
    },
    { label: t("evaluationsPage.summary.steps"), value: steps },
    {
      label: t("evaluationsPage.summary.anonymous"),
      value: t(
        board.anonymous
          ? "evaluationsPage.summary.anonymous_yes"
          : "evaluationsPage.summary.anonymous_no",
      ),
    },
  ];
}

/** The summary as one table to export: a file says the column of each line, as print does. */
export function summaryExport(rows: readonly SummaryRow[]): {
  columns: string[];
  rows: ExportValue[][];
} {
  return {
    columns: [
      t("evaluationsPage.summary.col.column"),
      t("evaluationsPage.summary.col.group"),
      t("evaluationsPage.summary.col.note"),
      t("evaluationsPage.summary.col.theme"),
      t("evaluationsPage.summary.col.step"),
      t("evaluationsPage.summary.col.votes"),
      t("evaluationsPage.summary.col.action"),
    ],
    rows: rows.map((r) => [
      t(`evaluationsPage.column.${r.kind}`),
      r.group ?? t("evaluationsPage.summary.no_group"),
      r.note,
      r.theme,
      r.step,
      r.votes ?? "",
      r.action === "" ? t("evaluationsPage.summary.no_action") : r.action,
    ]),
  };
}

/** One transition of the flow beside the board, its steps by name. */
export interface FlowRow {
  readonly key: string;
  readonly from: string;
  readonly to: string;
  /** "3. Samordnad bedömning → 4. Insats": the transition in words. */
  readonly label: string;
  readonly sort: string;
  /** Cases that made the transition; null when withheld. */
  readonly count: number | null;
}

/** The flow's cells in step order, each step named (`name` turns a number into its name). */
export function flowRows(
  cells: readonly { fromStep: number; toStep: number; count: number | null; suppressed: boolean }[],
  name: (step: number) => string,
): FlowRow[] {
  return [...cells]
    .sort((a, b) => a.fromStep - b.fromStep || a.toStep - b.toStep)
    .map((c) => ({
      key: `${c.fromStep}-${c.toStep}`,
      from: name(c.fromStep),
      to: name(c.toStep),
      label: `${name(c.fromStep)} → ${name(c.toStep)}`,
      sort: `${String(c.fromStep).padStart(3, "0")}-${String(c.toStep).padStart(3, "0")}`,
      count: c.suppressed ? null : c.count,
    }));
}
