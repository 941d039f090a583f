import {
  agreementAgendaFacts,
  getForumWithMeetings,
  improvementThemeFacts,
  indicatorDefinition,
  listForumActions,
  loadCatalogueView,
  loadInterchangeCatalogue,
  openEscalations,
  publishMetric,
} from "@samsyn/db";
import {
  type AgendaFacts,
  DEFAULT_DISCLOSURE_MODE,
  DEFAULT_K,
  effectDates,
  type IsoDate,
  monthsBefore,
  RECURRING_THEME_MONTHS,
  recurringImprovementThemes,
  stockholmDate,
  suggestAgenda,
  t,
} from "@samsyn/domain";
import { ApiError } from "../../errors";
import { orRefuse } from "../../lib/respond";
import { createRouter, readDatabase } from "../../lib/router";
import { type FigureDefinition, noReading, readFigure } from "../metrics/figures";
import { publishOptions } from "../metrics/metric-audit";
import { actionEffectRoute, suggestedAgendaRoute } from "./agenda.routes";

const today = (): IsoDate => stockholmDate(Date.now());
const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (a.localeCompare(b) <= 0 ? a : b);

/**
 * The forum's view of the figures (SPEC "Ledningsforum"): the suggested agenda from live
 * signals, and whether an action moved the figure it was meant to. Both publish figures, so both
 * go through the one metric publisher for the caller and are audited as metric reads.
 */
export function forumAgendaRoutes() {
  return createRouter()
    .openapi(suggestedAgendaRoute, async (c) => {
      const { k = DEFAULT_K, disclosure = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const database = readDatabase(c);
      const db = database.db;
      const scope = c.get("scope");
      const { id, mid } = c.req.valid("param");
      const forum = orRefuse(await getForumWithMeetings(db, scope, id));
      // The forum's meetings are at hand: the agenda needs the meeting's date, not its contents.
      const meeting = forum.meetings.find((m) => m.id === mid);
      if (meeting === undefined) throw new ApiError("not_found");
      const previous = forum.meetings
        .filter((m) => m.date < meeting.date)
        .map((m) => m.date)
        .at(-1);
      // A meeting ahead is read as of today: no figure is read as of a day that has not come.
      const asOf = earlierOf(meeting.date, today());
      const members = forum.members;
      const published = publishOptions(c, { mode: disclosure, k });

      // The forum's population: cases in which a unit of a member took part (as `ledning` sees
      // its own), whatever the caller's own organisations — the forum is the members' together.
      const stuck = await publishMetric(
        db,
        { name: "stuck" },
        { asOf, groupBy: ["process", "step"] },
        { view: "own", restriction: { organisations: members } },
        published,
      );
      const catalogue = await loadCatalogueView(db);
      const processOf = (code: string) => catalogue.processes.find((p) => p.code === code);
      const stepName = (process: string, step: number) =>
        processOf(process)?.steps.find((s) => s.number === step)?.name ?? "";

      const register = await agreementAgendaFacts(db, members);
      const interchange = await loadInterchangeCatalogue(db);
      const indicators = [];
      for (const indicator of register.indicators) {
        const [current] = await readFigure(c, indicator, [asOf], interchange);
        if (current !== undefined) indicators.push({ ...indicator, current });
      }
      const actions = orRefuse(await listForumActions(db, scope, forum.id));
      const escalations = await openEscalations(db, { organisations: members });
      // Sessions are meetings, not people: their number is published as it is; the items a
      // theme holds are people's notes, published under the count rule (null for 1..k−1).
      const improvementThemes = recurringImprovementThemes(
        await improvementThemeFacts(db, members, monthsBefore(asOf, RECURRING_THEME_MONTHS)),
        asOf,
        k,
      );

      const facts: AgendaFacts = {
        forumId: forum.id,
        meetingDate: meeting.date,
        previousMeetingDate: previous ?? null,
        asOf,
        stuck: stuck.flatMap((cell) =>
          cell.process === undefined || cell.step === undefined || cell.step === null
            ? []
            : [
                {
                  process: cell.process,
                  step: cell.step,
                  stepName: stepName(cell.process, cell.step),
                  processName: processOf(cell.process)?.name ?? cell.process,
                  count: { value: cell.count, suppressed: cell.suppressed },
                  medianDaysOver: cell.medianDaysOver,
                },
              ],
        ),
        escalations,
        agreements: register.agreements,
        indicators,
        deviations: register.deviations,
        actions,
        improvementThemes,
      };
      const { since, signals } = suggestAgenda(facts);
      return c.json({ k, disclosure, since, asOf, signals: [...signals] }, 200);
    })
    .openapi(actionEffectRoute, async (c) => {
      const { k = DEFAULT_K, disclosure = DEFAULT_DISCLOSURE_MODE } = c.get("deps");
      const database = readDatabase(c);
      const db = database.db;
      const { id, aid } = c.req.valid("param");
      const actions = orRefuse(await listForumActions(db, c.get("scope"), id));
      const action = actions.find((a) => a.id === aid);
      if (action === undefined) throw new ApiError("not_found", t("error.not_found"));
      if (action.link === null) {
        throw new ApiError("not_found", t("error.not_found"), [
          { path: "link", message: t("agenda.effect.noLink") },
        ]);
      }
      const link = action.link;
      let definition: (FigureDefinition & { name: string }) | undefined;
      if (link.kind === "indicator") {
        const indicator = await indicatorDefinition(db, link.indicatorId);
        if (indicator !== undefined) definition = indicator;
      } else {
        definition = { ...link, target: null, name: link.figure };
      }
      const asOf = (c.req.valid("query").asOf ?? today()) as IsoDate;
      const dates = effectDates(
        action.decidedOn,
        action.status === "done" ? action.closedOn : null,
        asOf,
      );
      const catalogue = await loadInterchangeCatalogue(db);
      const days = [
        dates.decided,
        dates.done ?? dates.now,
        dates.now,
        ...dates.months.map((m) => m.asOf),
      ];
      const readings =
        definition === undefined
          ? days.map(() => ({ value: null, suppressed: false, met: null }))
          : await readFigure(c, definition, days, catalogue);
      const [decided, done, now, ...months] = readings;
      const at = (date: IsoDate, r = decided) => ({ date, ...(r ?? noReading) });
      return c.json(
        {
          k,
          disclosure,
          actionId: action.id,
          name: definition?.name ?? "",
          metric: definition?.metric ?? (link.kind === "metric" ? link.metric : ""),
          figure: definition?.figure ?? (link.kind === "metric" ? link.figure : ""),
          target: definition?.target ?? null,
          decided: at(dates.decided, decided),
          done: dates.done === null ? null : at(dates.done, done),
          now: at(dates.now, now),
          months: dates.months.map((m, i) => ({ month: m.month, ...(months[i] ?? noReading) })),
        },
        200,
      );
    });
}
