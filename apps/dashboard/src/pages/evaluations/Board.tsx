import { type FormEvent, useEffect, useState } from "react";
import {
  type Board as BoardData,
  type Figures as BoardFigures,
  type BoardItem,
  useAddItem,
  useBoard,
  useChangePhase,
  useCreateGroup,
  useFigures,
} from "../../api/evaluations";
import { useCatalogues, useSession } from "../../api/queries";
import type { Catalogues } from "../../api/types";
import { PageHeading } from "../../components/Controls";
import { type Column, DataTable } from "../../components/DataTable";
import { disclosureText } from "../../components/DisclosureNote";
import { QueryState } from "../../components/QueryState";
import { countCell, textCell } from "../../lib/cells";
import { t } from "../../lib/i18n";
import { organisationNames } from "../agreements/agreements";
import { FormMessage, refusal, SelectField, TextField } from "../forums/fields";
import { CardView } from "./Card";
import {
  announcement,
  columnsOf,
  elapsed,
  figure,
  kinds,
  nextPhase,
  phaseName,
  presenceText,
  sessionHolders,
  stepChoices,
  stepName,
  themeChoices,
} from "./evaluations";
import { type LiveState, useLiveBoard } from "./live";
import { boardRoute } from "./route";
import { Summary } from "./Summary";
import { type FlowRow, flowRows } from "./summary";
import "../agreements/agreements.css";
import "./evaluations.css";

/**
 * One session's live board: two columns, the phase and its timer, who is present, and what each
 * phase lets a participant do. Changes by others arrive on the stream and are announced.
 */
export function Board() {
  const { id } = boardRoute.useParams();
  const { token } = useSession();
  const board = useBoard(id);
  const catalogues = useCatalogues();
  const [said, setSaid] = useState("");
  const live = useLiveBoard(id, token, (change) => {
    const text = announcement(change);
    if (text !== null) setSaid(text);
  });
  return (
    <div className="evaluations evaluation-board">
      <QueryState query={board}>
        {(b) => (
          <QueryState query={catalogues}>
            {(c) => <BoardView board={b} catalogues={c} live={live} />}
          </QueryState>
        )}
      </QueryState>
      <p role="status" aria-live="polite" className="visually-hidden">
        {said}
      </p>
    </div>
  );
}

function BoardView(props: { board: BoardData; catalogues: Catalogues; live: LiveState }) {
  const { board, catalogues, live } = props;
  const columns = columnsOf(board);
  return (
    <>
      <PageHeading title={board.title} />
      <p className="intro">
        {organisationNames(catalogues, board.organisations)} ·{" "}
        <span className="nowrap">{board.from}</span> – <span className="nowrap">{board.to}</span>
        {board.anonymous && ` · ${t("evaluationsPage.anonymous")}`}
      </p>
      <PreviousActions board={board} />
      <PhaseBar board={board} live={live} />
      {board.phase === "collect" && <AddItem board={board} catalogues={catalogues} />}
      {board.phase === "group" && <NewGroup board={board} />}
      {board.phase === "vote" && (
        <p className="votes-left">
          {t("evaluationsPage.vote.left", {
            count: board.myVotesLeft,
            total: board.votesPerParticipant,
          })}
        </p>
      )}
      {(board.phase === "collect" || board.phase === "group" || board.phase === "vote") && (
        <p className="hint">{t("evaluationsPage.vote.hidden")}</p>
      )}
      <div className="board-columns">
        {kinds.map((kind) => (
          <section key={kind} aria-labelledby={`column-${kind}`} className={`column ${kind}`}>
            <h2 id={`column-${kind}`}>{t(`evaluationsPage.column.${kind}`)}</h2>
            {columns[kind].length === 0 ? (
              <p className="state empty">{t("evaluationsPage.column.empty")}</p>
            ) : (
              <ul className="board-cards">
                {columns[kind].map((card) => (
                  <li key={card.type === "item" ? card.item.id : card.group.id}>
                    <CardView card={card} board={board} catalogues={catalogues} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
      <FiguresPanel board={board} catalogues={catalogues} />
      {(board.phase === "discuss" || board.phase === "closed") && (
        <Summary board={board} catalogues={catalogues} />
      )}
    </>
  );
}

function PreviousActions(props: { board: BoardData }) {
  const actions = props.board.previousActions;
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="previous-actions" className="previous-actions">
      <h2 id="previous-actions">{t("evaluationsPage.previous.heading")}</h2>
      <ul>
        {actions.map((a) => (
          <li key={a.id}>
            {a.title}{" "}
            <span className="nowrap">
              {t("evaluationsPage.previous.status", {
                status: t(`evaluationsPage.action.${a.status}`),
                due: a.dueOn,
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The phase, its timer on the server's clock, who is present, and the facilitator's button. */
function PhaseBar(props: { board: BoardData; live: LiveState }) {
  const { board, live } = props;
  const { role } = useSession();
  const change = useChangePhase(board.id);
  const [problem, setProblem] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const next = nextPhase(board.phase);
  const time = elapsed(board.phaseStartedAt, now + live.clockOffset);
  const move = async () => {
    // Not `disabled` while pending: that would drop the keyboard focus to the page's top.
    if (next === null || change.isPending) return;
    setProblem(null);
    try {
      await change.mutateAsync(next);
    } catch (e) {
      setProblem(refusal(e, []).other);
    }
  };
  return (
    <section className="phase-bar" aria-label={t("evaluationsPage.col.phase")}>
      <ol className="phases">
        {(["collect", "group", "vote", "discuss", "closed"] as const).map((p) => (
          <li key={p} aria-current={p === board.phase ? "step" : undefined}>
            {phaseName(p)}
          </li>
        ))}
      </ol>
      <p>
        <strong>{t("evaluationsPage.phase.now", { phase: phaseName(board.phase) })}</strong>
        {board.phase !== "closed" && (
          <span className="timer">
            {" · "}
            {t("evaluationsPage.phase.timer", { minutes: time.minutes, seconds: time.seconds })}
          </span>
        )}
      </p>
      <p className="presence">
        {live.connected ? presenceText(live.presence) : t("evaluationsPage.live.reconnecting")}
      </p>
      {next !== null && sessionHolders.includes(role) && (
        <button
          type="button"
          className="primary"
          aria-disabled={change.isPending}
          onClick={() => void move()}
        >
          {t("evaluationsPage.phase.to", { phase: phaseName(next) })}
        </button>
      )}
      <FormMessage saved={null} error={problem} />
    </section>
  );
}

function AddItem(props: { board: BoardData; catalogues: Catalogues }) {
  const { board, catalogues } = props;
  const add = useAddItem(board.id);
  const [kind, setKind] = useState<BoardItem["kind"]>("worked_well");
  const [text, setText] = useState("");
  const [theme, setTheme] = useState("");
  const [step, setStep] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const steps = stepChoices(catalogues, board);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (add.isPending) return;
    setProblem(null);
    setSaved(null);
    const own: Record<string, string> = {};
    if (text.trim() === "")
      own.text = t("forumsPage.form.fill_in", { field: t("evaluationsPage.item.text") });
    if (theme === "")
      own.theme = t("forumsPage.form.fill_in", { field: t("evaluationsPage.item.theme") });
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await add.mutateAsync({
        kind,
        text: text.trim(),
        theme,
        ...(step === "" ? {} : { step: Number(step) }),
      });
      setText("");
      setSaved(
        t("evaluationsPage.item.added", { column: t(`evaluationsPage.column.${kind}`), text }),
      );
    } catch (e) {
      const refused = refusal(e, ["text", "theme", "step"]);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="add-item-heading" className="evaluation-form">
      <h2 id="add-item-heading">{t("evaluationsPage.item.heading")}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="kind-choice">
          <legend>{t("evaluationsPage.item.kind")}</legend>
          {kinds.map((k) => (
            <label key={k} className="choice">
              <input
                type="radio"
                name="item-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`evaluationsPage.column.${k}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t("evaluationsPage.item.text")}
          value={text}
          onChange={setText}
          required
          multiline
          hint={t("forumsPage.form.text_hint")}
          error={errors.text}
        />
        <SelectField
          label={t("evaluationsPage.item.theme")}
          value={theme}
          onChange={setTheme}
          options={[{ code: "", name: t("forumsPage.form.choose") }, ...themeChoices()]}
          error={errors.theme}
        />
        {steps.length > 0 && (
          <SelectField
            label={t("evaluationsPage.item.step")}
            value={step}
            onChange={setStep}
            empty={t("evaluationsPage.item.no_step")}
            options={steps}
            error={errors.step}
          />
        )}
        <button type="submit" className="primary" aria-disabled={add.isPending}>
          {t("evaluationsPage.item.add")}
        </button>
        <FormMessage saved={saved} error={problem} />
      </form>
    </section>
  );
}

/** A new group from checked items: grouping without dragging, by keyboard as well as by mouse. */
function NewGroup(props: { board: BoardData }) {
  const { board } = props;
  const create = useCreateGroup(board.id);
  const [title, setTitle] = useState("");
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const loose = board.items.filter((i) => i.groupId === null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    setProblem(null);
    const own: Record<string, string> = {};
    if (title.trim() === "")
      own.title = t("forumsPage.form.fill_in", { field: t("evaluationsPage.group.title") });
    if (chosen.length === 0) own.items = t("evaluationsPage.group.choose_items");
    setErrors(own);
    if (Object.keys(own).length > 0) return;
    try {
      await create.mutateAsync({ title: title.trim(), items: [...chosen] });
      setTitle("");
      setChosen([]);
    } catch (e) {
      const refused = refusal(e, ["title", "items"]);
      setErrors(refused.fields);
      setProblem(refused.other);
    }
  }

  return (
    <section aria-labelledby="new-group-heading" className="evaluation-form">
      <h2 id="new-group-heading">{t("evaluationsPage.group.heading")}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t("evaluationsPage.group.title")}
          value={title}
          onChange={setTitle}
          required
          error={errors.title}
        />
        <fieldset aria-invalid={errors.items !== undefined}>
          <legend>{t("evaluationsPage.group.items")}</legend>
          {errors.items !== undefined && <p className="field-error">{errors.items}</p>}
          {loose.map((item) => (
            <label key={item.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, item.id] : chosen.filter((x) => x !== item.id),
                  )
                }
              />
              {item.text}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" aria-disabled={create.isPending}>
          {t("evaluationsPage.group.submit")}
        </button>
        <FormMessage saved={null} error={problem} />
      </form>
    </section>
  );
}

/** Lead times, stuck cases and flow of the session's steps, withheld figures as "..". */
function FiguresPanel(props: { board: BoardData; catalogues: Catalogues }) {
  const figures = useFigures(props.board.id);
  const step = (n: number | string | boolean | null | undefined) =>
    stepName(props.catalogues, props.board.process, typeof n === "number" ? n : null) ?? "";
  return (
    <section aria-labelledby="figures-heading" className="figures-panel">
      <h2 id="figures-heading">{t("evaluationsPage.figures.heading")}</h2>
      <QueryState query={figures}>
        {(f) =>
          f.process === null ? (
            <p>{t("evaluationsPage.figures.none")}</p>
          ) : (
            <>
              <h3>{t("evaluationsPage.figures.lead_times", { from: f.from, asOf: f.asOf })}</h3>
              <ul>
                {f.leadTimes.map((lt) => {
                  const cell = lt.cells[0] ?? {};
                  return (
                    <li key={`${lt.fromStep}-${lt.toStep}`}>
                      {t("evaluationsPage.figures.lead_time", {
                        from: step(lt.fromStep),
                        to: step(lt.toStep),
                        median: figure(cell.median),
                        n: figure(cell.n),
                      })}
                    </li>
                  );
                })}
              </ul>
              <h3>{t("evaluationsPage.figures.stuck_heading", { from: f.from, asOf: f.asOf })}</h3>
              {f.stuck.length === 0 && <p>{t("evaluationsPage.figures.no_stuck")}</p>}
              <ul>
                {f.stuck.map((cell) => (
                  <li key={String(cell.step)}>
                    {t("evaluationsPage.figures.stuck", {
                      step: step(cell.step as number | null),
                      count: figure(cell.count),
                    })}
                  </li>
                ))}
              </ul>
              <h3>{t("evaluationsPage.figures.flow_heading")}</h3>
              <FlowFigure
                rows={flowRows(f.flow, step)}
                k={f.k}
                disclosure={f.disclosure}
                // Up to asOf: while the session's last month lasts, its end is still to come.
                caption={t("evaluationsPage.figures.flow_caption", { from: f.from, to: f.asOf })}
              />
              <p className="disclosure-note">{disclosureText(f)}</p>
            </>
          )
        }
      </QueryState>
    </section>
  );
}

/**
 * The transitions through the steps in focus, as a table like the panel's other figures: a bar
 * chart's axis would cut two step names per bar ("1. Behov av samordning uppmärksammat → 2.
 * Dialog och samtycke"), and a label cut or replaced by numbers would say less than the table.
 */
function FlowFigure(props: {
  rows: readonly FlowRow[];
  k: number;
  disclosure: BoardFigures["disclosure"];
  caption: string;
}) {
  const { rows, k } = props;
  if (rows.length === 0) return <p>{t("evaluationsPage.figures.no_flow")}</p>;
  const columns: Column<FlowRow>[] = [
    {
      id: "from",
      header: t("evaluationsPage.col.from_step"),
      cell: (r) => textCell(r.from, r.sort),
    },
    { id: "to", header: t("evaluationsPage.col.to_step"), cell: (r) => textCell(r.to) },
    {
      id: "count",
      header: t("evaluationsPage.col.cases"),
      cell: (r) => countCell(r.count, r.count === null, k),
    },
  ];
  return (
    <DataTable
      caption={props.caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.key}
      k={k}
      disclosure={props.disclosure}
      initialSort={{ id: "from", descending: false }}
    />
  );
}
