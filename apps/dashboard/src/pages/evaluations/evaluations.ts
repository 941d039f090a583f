import { evaluationThemes } from "@samsyn/domain/catalogues";
import type { MessageKey } from "@samsyn/domain/messages";
import type { Board, BoardGroup, BoardItem, Phase } from "../../api/evaluations";
import type { Catalogues } from "../../api/types";
import { formatNumber } from "../../lib/cells";
import { locale, t } from "../../lib/i18n";
import type { BoardChange, Presence } from "./live";

/** The page's logic, apart from React: what the board shows and says. */

export const phases: readonly Phase[] = ["collect", "group", "vote", "discuss", "closed"];

/** Who starts a session and moves its phases (SPEC "Utvärdering"); lan reads theme trends only. */
export const sessionHolders: readonly string[] = ["samordnare", "ledning", "admin"];

/** Who lifts an improvement to a forum's action: ledning of a member, lan, admin. */
export const actionLifters: readonly string[] = ["ledning", "lan", "admin"];

export function phaseName(phase: Phase): string {
  return t(`evaluationsPage.phase.${phase}` as MessageKey);
}

/** The phase after `phase`: phases move forward only, one at a time. */
export function nextPhase(phase: Phase): Phase | null {
  return phases[phases.indexOf(phase) + 1] ?? null;
}

export type Kind = BoardItem["kind"];
export const kinds: readonly Kind[] = ["worked_well", "improve"];

/** One card on the board: an item on its own, or a group with its items. */
export type Card =
  | { readonly type: "item"; readonly item: BoardItem }
  | { readonly type: "group"; readonly group: BoardGroup; readonly items: readonly BoardItem[] };

/**
 * The two columns: groups first, then the items in no group, each in its kind's column (a group
 * holding an improvement is one). From discuss on, the most voted first.
 */
export function columnsOf(board: Pick<Board, "items" | "groups" | "phase">): Record<Kind, Card[]> {
  const byId = new Map(board.items.map((i) => [i.id, i]));
  const columns: Record<Kind, Card[]> = { worked_well: [], improve: [] };
  for (const group of board.groups) {
    const items = group.items.flatMap((id) => byId.get(id) ?? []);
    columns[group.kind].push({ type: "group", group, items });
  }
  for (const item of board.items) {
    if (item.groupId === null) columns[item.kind].push({ type: "item", item });
  }
  if (board.phase === "discuss" || board.phase === "closed") {
    const votes = (c: Card) => (c.type === "item" ? c.item.votes : c.group.votes) ?? 0;
    for (const kind of kinds) columns[kind].sort((a, b) => votes(b) - votes(a));
  }
  return columns;
}

/** The phase timer: whole minutes and seconds since the phase began, never negative. */
export function elapsed(startedAt: string, nowMs: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.floor((nowMs - Date.parse(startedAt)) / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** Who has the board open: in an anonymous session only how many, never who. */
export function presenceText(presence: Presence | null): string {
  if (presence === null) return "";
  if (presence.anonymous || presence.participants === undefined) {
    return t("evaluationsPage.presence.count", { count: formatNumber(presence.count) });
  }
  return t("evaluationsPage.presence.named", { names: presence.participants.join(", ") });
}

/** The themes of "vad fungerade bra" by name, in the catalogue's order. */
export function themeChoices(): { code: string; name: string }[] {
  return evaluationThemes.map((theme) => ({ code: theme.code, name: theme.name[locale()] }));
}

export function themeName(code: string): string {
  return evaluationThemes.find((theme) => theme.code === code)?.name[locale()] ?? code;
}

/** The steps an item may name: the session's steps in focus, or all of its process's. */
export function stepChoices(
  catalogues: Pick<Catalogues, "processes">,
  board: Pick<Board, "process" | "steps">,
): { code: string; name: string }[] {
  const process = catalogues.processes.find((p) => p.code === board.process);
  if (process === undefined) return [];
  return process.steps
    .filter((s) => board.steps.length === 0 || board.steps.includes(s.number))
    .map((s) => ({ code: String(s.number), name: `${s.number}. ${s.name}` }));
}

export function stepName(
  catalogues: Pick<Catalogues, "processes">,
  process: string | null,
  step: number | null,
): string | null {
  if (step === null) return null;
  const found = catalogues.processes
    .find((p) => p.code === process)
    ?.steps.find((s) => s.number === step);
  return found === undefined ? String(step) : `${step}. ${found.name}`;
}

/** A published figure: withheld (null) reads "..", never 0 and never blank. */
export function figure(value: unknown): string {
  return typeof value === "number" ? formatNumber(value) : "..";
}

/** What a change on the stream says aloud (a live region), or null when nothing to say. */
export function announcement(change: BoardChange): string | null {
  const { event, data } = change;
  if (event === "item") {
    const item = data.item as { kind?: Kind; text?: string } | undefined;
    if (item?.kind === undefined) return null;
    return t("evaluationsPage.item.added", {
      column: t(`evaluationsPage.column.${item.kind}`),
      text: item.text ?? "",
    });
  }
  if (event === "phase" && typeof data.phase === "string" && phases.includes(data.phase as Phase)) {
    return t("evaluationsPage.phase.changed", { phase: phaseName(data.phase as Phase) });
  }
  if (event === "group") {
    const group = data.group as { title?: string; items?: unknown[] } | undefined;
    if (group?.title === undefined) return null;
    return t("evaluationsPage.group.changed", {
      title: group.title,
      count: formatNumber(group.items?.length ?? 0),
    });
  }
  if (event === "vote") return t("evaluationsPage.vote.someone");
  if (event === "action") return t("evaluationsPage.lift.saved");
  return null;
}

export interface EvaluationDraft {
  readonly title: string;
  readonly organisations: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly process: string;
  readonly anonymous: boolean;
  readonly votesPerParticipant: string;
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The checks the API makes that the form can make first, by the API's field paths. */
export function checkEvaluation(draft: EvaluationDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  const fill = (field: MessageKey) => t("forumsPage.form.fill_in", { field: t(field) });
  if (draft.title.trim() === "") errors.title = fill("evaluationsPage.create.title");
  if (draft.organisations.length === 0)
    errors.organisations = t("evaluationsPage.create.one_organisation");
  if (!isDate(draft.from)) errors.from = t("forumsPage.form.date");
  if (!isDate(draft.to) || (isDate(draft.from) && draft.to < draft.from))
    errors.to = t("forumsPage.form.date");
  const votes = Number(draft.votesPerParticipant);
  if (!Number.isInteger(votes) || votes < 1 || votes > 10)
    errors.votesPerParticipant = fill("evaluationsPage.create.votes");
  return errors;
}
