import { type FormEvent, useState } from "react";
import {
  type Board,
  type BoardItem,
  useCastVote,
  useLiftItem,
  useMoveToGroup,
} from "../../api/evaluations";
import { useForums } from "../../api/forums";
import { useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { t } from "../../lib/i18n";
import { organisationName } from "../agreements/agreements";
import { FormMessage, refusal, SelectField, TextField } from "../forums/fields";
import { actionLifters, type Card, stepName, themeName } from "./evaluations";

/** One card: its text and theme, and what the phase lets the participant do with it. */
export function CardView(props: { card: Card; board: Board; catalogues: Catalogues }) {
  const { card, board, catalogues } = props;
  const { role } = useSession();
  const target =
    card.type === "item"
      ? { id: card.item.id, text: card.item.text, votes: card.item.votes, action: card.item.action }
      : {
          id: card.group.id,
          text: card.group.title,
          votes: card.group.votes,
          action: card.group.action,
        };
  const improve = (card.type === "item" ? card.item.kind : card.group.kind) === "improve";
  const showsVotes = board.phase === "discuss" || board.phase === "closed";
  return (
    <article className={card.type === "group" ? "board-card group" : "board-card"}>
      {card.type === "item" ? (
        <ItemText item={card.item} board={board} catalogues={catalogues} />
      ) : (
        <>
          <h3>{t("evaluationsPage.group.label", { title: card.group.title })}</h3>
          <ul className="group-items">
            {card.items.map((item) => (
              <li key={item.id}>
                <ItemText item={item} board={board} catalogues={catalogues} />
                {board.phase === "group" && <MoveToGroup item={item} board={board} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {card.type === "item" && board.phase === "group" && (
        <MoveToGroup item={card.item} board={board} />
      )}
      {board.phase === "vote" && <Vote board={board} target={target.id} text={target.text} />}
      {showsVotes && target.votes !== null && (
        <p className="vote-total">{t("evaluationsPage.vote.total", { count: target.votes })}</p>
      )}
      {target.action !== null && (
        <p className="lifted">
          {t("evaluationsPage.lift.done", {
            status: t(`evaluationsPage.action.${target.action.status}`),
          })}
        </p>
      )}
      {improve && target.action === null && showsVotes && actionLifters.includes(role) && (
        <LiftToAction board={board} target={target.id} text={target.text} catalogues={catalogues} />
      )}
    </article>
  );
}

function ItemText(props: { item: BoardItem; board: Board; catalogues: Catalogues }) {
  const { item, board, catalogues } = props;
  const step = stepName(catalogues, board.process, item.step);
  const details = [
    themeName(item.theme),
    step,
    item.author === null ? null : t("evaluationsPage.item.by", { author: item.author }),
  ]
    .filter((x): x is string => x !== null)
    .join(" · ");
  return (
    <>
      <p className="board-card-text">{item.text}</p>
      <p className="board-card-details">{details}</p>
    </>
  );
}

/** "Flytta till grupp": a select and a button, the keyboard's way of dragging. */
function MoveToGroup(props: { item: BoardItem; board: Board }) {
  const { item, board } = props;
  const move = useMoveToGroup(board.id);
  const [groupId, setGroupId] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const groups = board.groups.filter((g) => g.id !== item.groupId);
  if (groups.length === 0) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (groupId === "" || move.isPending) return;
    setProblem(null);
    try {
      await move.mutateAsync({ groupId, items: [item.id] });
      setGroupId("");
    } catch (e) {
      setProblem(refusal(e, []).other);
    }
  }
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <SelectField
        label={`${t("evaluationsPage.group.move")}: ${item.text}`}
        value={groupId}
        onChange={setGroupId}
        empty={t("evaluationsPage.group.choose")}
        options={groups.map((g) => ({ code: g.id, name: g.title }))}
      />
      <button type="submit" aria-disabled={move.isPending || groupId === ""}>
        {t("evaluationsPage.group.move_submit")}
      </button>
      <FormMessage saved={null} error={problem} />
    </form>
  );
}

function Vote(props: { board: Board; target: string; text: string }) {
  const vote = useCastVote(props.board.id);
  const [problem, setProblem] = useState<string | null>(null);
  const cast = async () => {
    // Not `disabled`: that would drop the keyboard focus; a press without votes left is ignored.
    if (vote.isPending || props.board.myVotesLeft <= 0) return;
    setProblem(null);
    try {
      await vote.mutateAsync(props.target);
    } catch (e) {
      setProblem(refusal(e, []).other);
    }
  };
  return (
    <>
      <button
        type="button"
        className="vote"
        aria-label={t("evaluationsPage.vote.cast_on", { text: props.text })}
        aria-disabled={vote.isPending || props.board.myVotesLeft <= 0}
        onClick={() => void cast()}
      >
        {t("evaluationsPage.vote.cast")}
      </button>
      <FormMessage saved={null} error={problem} />
    </>
  );
}

/** "Gör till åtgärd": the forum, its member who owns the action, and when it is due. */
function LiftToAction(props: {
  board: Board;
  target: string;
  text: string;
  catalogues: Catalogues;
}) {
  const { board, catalogues } = props;
  const [open, setOpen] = useState(false);
  const forums = useForums();
  const lift = useLiftItem(board.id);
  const [forumId, setForumId] = useState("");
  const [owner, setOwner] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={t("evaluationsPage.lift.heading", { text: props.text })}
      >
        {t("evaluationsPage.lift.open")}
      </button>
    );
  }
  const forum = forums.data?.items.find((f) => f.id === forumId);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (lift.isPending) return;
    setProblem(null);
    const own: Record<string, string> = {};
    const fill = (key: "evaluationsPage.lift.forum" | "evaluationsPage.lift.owner") =>
      t("forumsPage.form.fill_in", { field: t(key) });
    if (forumId === "") own.forumId = fill("evaluationsPage.lift.forum");
    if (owner === "") own.owner = fill("evaluationsPage.lift.owner");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn)) own.dueOn = t("forumsPage.form.date");
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await lift.mutateAsync({ itemId: props.target, forumId, owner, dueOn });
      setOpen(false);
    } catch (e) {
      const refused = refusal(e, ["forumId", "owner", "dueOn"]);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }
  return (
    <form className="lift-form" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{t("evaluationsPage.lift.heading", { text: props.text })}</legend>
        <SelectField
          label={t("evaluationsPage.lift.forum")}
          value={forumId}
          onChange={(id) => {
            setForumId(id);
            setOwner("");
          }}
          options={[
            { code: "", name: t("forumsPage.form.choose") },
            ...(forums.data?.items ?? []).map((f) => ({ code: f.id, name: f.name })),
          ]}
          error={errors.forumId}
        />
        <SelectField
          label={t("evaluationsPage.lift.owner")}
          value={owner}
          onChange={setOwner}
          options={[
            { code: "", name: t("forumsPage.form.choose") },
            ...(forum?.members ?? []).map((code) => ({
              code,
              name: organisationName(catalogues, code),
            })),
          ]}
          error={errors.owner}
        />
        <TextField
          label={t("evaluationsPage.lift.due")}
          hint={t("forumsPage.form.date")}
          value={dueOn}
          onChange={setDueOn}
          required
          error={errors.dueOn}
        />
        <button type="submit" className="primary" aria-disabled={lift.isPending}>
          {t("evaluationsPage.lift.submit")}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t("evaluationsPage.lift.cancel")}
        </button>
        <FormMessage saved={null} error={problem} />
      </fieldset>
    </form>
  );
}
