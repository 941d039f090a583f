import { useEffect, useRef, useState } from "react";
import {
  type Meeting,
  type Signal,
  useAddAgendaItem,
  useIndicatorsOf,
  useSuggestedAgenda,
} from "../../api/forums";
import type { Catalogues } from "../../api/types";
import { QueryState } from "../../components/QueryState";
import { useOpenPage } from "../../components/RouteLink";
import { t } from "../../lib/i18n";
import { isPlainClick } from "../../router/pages";
import { refusal } from "./fields";
import {
  type Amount,
  agreementsForUnits,
  figureUnit,
  signalFigure,
  signalKey,
  signalKindName,
  signalsOnAgenda,
} from "./forums";

/**
 * The suggested agenda (SPEC `GET …/suggested-agenda`): what happened among the members since
 * the previous meeting, each signal with its figure and the page behind it, picked into the
 * agenda in one click. A withheld count reads ".." with the shared explanation.
 */
export function SuggestedAgenda(props: {
  forumId: string;
  meeting: Meeting;
  catalogues: Catalogues;
  mayAdd: boolean;
}) {
  const suggested = useSuggestedAgenda(props.forumId, props.meeting.id);
  const onAgenda = signalsOnAgenda(props.meeting.agenda);
  const indicators = useIndicatorsOf(agreementsForUnits(suggested.data?.signals ?? []));
  const units = new Map(
    indicators
      .flatMap((q) => q.data?.items ?? [])
      .map((i) => [i.id, figureUnit(i.figure)] as const),
  );
  return (
    <section aria-labelledby="suggested-heading" className="suggested-agenda no-print">
      <h2 id="suggested-heading">{t("forumsPage.suggested.heading")}</h2>
      <QueryState query={suggested}>
        {(data) => {
          const withheld = data.signals.some(
            (s) => signalFigure(s, props.catalogues, units).amount?.withheld === true,
          );
          return (
            <>
              <p className="intro">{t("forumsPage.suggested.intro", { since: data.since })}</p>
              {data.signals.length === 0 ? (
                <p className="state empty">{t("forumsPage.suggested.none")}</p>
              ) : (
                <ul className="signals">
                  {data.signals.map((signal) => (
                    <SignalItem
                      key={signalKey(signal)}
                      signal={signal}
                      forumId={props.forumId}
                      meetingId={props.meeting.id}
                      catalogues={props.catalogues}
                      units={units}
                      k={data.k}
                      added={onAgenda.has(signalKey(signal))}
                      mayAdd={props.mayAdd}
                    />
                  ))}
                </ul>
              )}
              {withheld && (
                <p className="caption-note">{t("table.withheld_note", { k: data.k })}</p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

export function AmountText(props: { amount: Amount; k: number }) {
  const { amount } = props;
  if (!amount.withheld) return <strong>{amount.text}</strong>;
  return (
    <strong>
      <abbr title={t("table.withheld_title", { k: props.k })} className="withheld">
        {t("table.withheld_mark")}
      </abbr>{" "}
      {amount.unit}
    </strong>
  );
}

function SignalItem(props: {
  signal: Signal;
  forumId: string;
  meetingId: string;
  catalogues: Catalogues;
  units: ReadonlyMap<string, "days" | "cases">;
  k: number;
  added: boolean;
  mayAdd: boolean;
}) {
  const { signal } = props;
  const add = useAddAgendaItem(props.forumId, props.meetingId);
  const openPage = useOpenPage();
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState(false);
  const addedMark = useRef<HTMLSpanElement>(null);
  // The button goes once the item is on the agenda: focus moves to what replaced it, not to
  // the top of the page.
  useEffect(() => {
    if (picked && props.added) addedMark.current?.focus();
  }, [picked, props.added]);
  const figure = signalFigure(signal, props.catalogues, props.units);
  const kind = signalKindName(signal.kind);

  async function pick() {
    setError(null);
    // Focus follows as soon as the item shows on the agenda, before the rest has reloaded.
    setPicked(true);
    try {
      await add.mutateAsync({
        title: signal.title,
        signal: { kind: signal.kind, ref: signal.ref },
      });
    } catch (e) {
      setPicked(false);
      setError(refusal(e, []).other);
    }
  }

  return (
    <li className={`signal signal-${signal.kind}`}>
      {kind !== "" && <p className="signal-kind">{kind}</p>}
      <h3 className="signal-title">{signal.title}</h3>
      {(figure.amount !== null || figure.details.length > 0) && (
        <p className="signal-figure">
          {figure.amount !== null && <AmountText amount={figure.amount} k={props.k} />}
          {figure.amount !== null && figure.details.length > 0 && " · "}
          {figure.details.join(" · ")}
        </p>
      )}
      <p className="signal-actions">
        <a
          href={signal.link}
          aria-label={`${t("forumsPage.suggested.open")}: ${signal.title}`}
          onClick={(e) => {
            if (!isPlainClick(e)) return;
            e.preventDefault();
            openPage(signal.link);
          }}
        >
          {t("forumsPage.suggested.open")}
        </a>
        {props.added ? (
          <span className="signal-added" ref={addedMark} tabIndex={-1}>
            <span aria-hidden="true">✓ </span>
            {t("forumsPage.suggested.added")}
          </span>
        ) : (
          props.mayAdd && (
            <button
              type="button"
              disabled={add.isPending}
              // The visible text first, then which signal: the same button recurs on every one.
              aria-label={`${t("forumsPage.suggested.add")}: ${signal.title}`}
              onClick={() => void pick()}
            >
              {t("forumsPage.suggested.add")}
            </button>
          )
        )}
      </p>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </li>
  );
}
