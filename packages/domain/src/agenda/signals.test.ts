import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../codes";
import { type AgendaFacts, type Signal, signalKinds, suggestAgenda } from "./signals";

const d = (s: string) => s as IsoDate;

/** A meeting on 2026-06-10 whose forum met last on 2026-05-06, with nothing to report. */
const quiet: AgendaFacts = {
  forumId: "f1",
  meetingDate: d("2026-06-10"),
  previousMeetingDate: d("2026-05-06"),
  asOf: d("2026-06-10"),
  stuck: [],
  escalations: [],
  agreements: [],
  indicators: [],
  deviations: [],
  actions: [],
};

const kinds = (signals: readonly Signal[]) => signals.map((s) => s.kind);

describe("the suggested agenda", () => {
  it("is empty when nothing happened, and reaches back to the previous meeting", () => {
    expect(suggestAgenda(quiet)).toEqual({ since: "2026-05-06", signals: [] });
  });

  it("reaches back one quarter before a forum's first meeting", () => {
    expect(suggestAgenda({ ...quiet, previousMeetingDate: null }).since).toBe("2026-03-11");
  });

  describe("stuck_cases", () => {
    const cell = (value: number | null, suppressed = false) => ({
      process: "sip",
      step: 3,
      stepName: "Kallelse till planeringsmöte",
      processName: "Samordnad individuell plan",
      count: { value, suppressed },
      medianDaysOver: value === null ? null : 12,
    });

    it("fires for a step with stuck cases, with its published figure and page", () => {
      const [signal] = suggestAgenda({ ...quiet, stuck: [cell(14)] }).signals;
      expect(signal).toEqual({
        kind: "stuck_cases",
        ref: "sip:3",
        title:
          "Fastnade ärenden i steg 3 Kallelse till planeringsmöte (Samordnad individuell plan)",
        figure: {
          value: 14,
          suppressed: false,
          unit: "cases",
          medianDaysOver: 12,
          asOf: "2026-06-10",
        },
        link: "/fastnade?process=sip",
      });
    });

    it("fires for a withheld count without telling it, and not for a published zero", () => {
      const { signals } = suggestAgenda({ ...quiet, stuck: [cell(null, true), cell(0)] });
      expect(signals).toHaveLength(1);
      expect(signals[0]?.figure).toMatchObject({ value: null, suppressed: true });
    });
  });

  describe("open_escalation", () => {
    it("fires for an open escalation at the forum's level (3), not below it", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        escalations: [
          { id: "e3", level: 3, openedOn: d("2026-05-01") },
          { id: "e2", level: 2, openedOn: d("2026-04-01") },
        ],
      });
      expect(signals).toEqual([
        expect.objectContaining({
          kind: "open_escalation",
          ref: "e3",
          figure: { level: 3, daysOpen: 40, openedOn: "2026-05-01" },
          link: "/eskaleringar/e3",
        }),
      ]);
    });
  });

  describe("review_due", () => {
    const agreement = (reviewBy: string, status = "active") => ({
      id: `a-${reviewBy}-${status}`,
      title: "Överenskommelse om missbruk",
      status,
      reviewBy: d(reviewBy),
    });

    it("fires for an overdue review and one due within a month, overdue first", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        agreements: [agreement("2026-07-05"), agreement("2026-05-30", "under_review")],
      });
      expect(signals.map((s) => s.figure.daysLeft)).toEqual([-11, 25]);
      expect(signals[0]?.title).toContain("försenad");
      expect(signals[1]?.title).toBe(
        "Årlig översyn av ”Överenskommelse om missbruk” ska vara klar 2026-07-05",
      );
    });

    it("does not fire for a review further off, nor for a draft or an ended agreement", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        agreements: [
          agreement("2026-11-30"),
          agreement("2026-05-01", "draft"),
          agreement("2026-05-01", "expired"),
          agreement("2026-05-01", "replaced"),
        ],
      });
      expect(signals).toEqual([]);
    });
  });

  describe("indicator_off_target", () => {
    const indicator = (value: number | null, met: boolean | null, suppressed = false) => ({
      id: `i-${String(value)}-${String(met)}`,
      agreementId: "a1",
      name: "SIP inom 30 dagar",
      figure: "sipEstablished" as const,
      target: { value: 20, direction: "at_least" as const },
      current: { value, suppressed, met },
    });

    it("fires when the published figure misses the target", () => {
      const { signals } = suggestAgenda({ ...quiet, indicators: [indicator(12, false)] });
      expect(signals).toEqual([
        expect.objectContaining({
          kind: "indicator_off_target",
          figure: {
            value: 12,
            suppressed: false,
            unit: "cases",
            target: 20,
            direction: "at_least",
            asOf: "2026-06-10",
          },
          link: "/overenskommelser/a1",
        }),
      ]);
    });

    it("says a median in days", () => {
      const median = { ...indicator(40, false), figure: "medianDaysToSip" as const };
      const { signals } = suggestAgenda({ ...quiet, indicators: [median] });
      expect(signals[0]?.figure.unit).toBe("days");
    });

    it("does not fire when the target is met, or when the figure is withheld", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        indicators: [indicator(25, true), indicator(null, null, true), indicator(null, null)],
      });
      expect(signals).toEqual([]);
    });
  });

  describe("deviation", () => {
    const deviation = (occurredOn: string, status: "open" | "closed" = "open") => ({
      id: `dev-${occurredOn}-${status}`,
      agreementId: "a1",
      agreementTitle: "Överenskommelse om SIP",
      kind: "tvist" as const,
      section: "sip",
      occurredOn: d(occurredOn),
      status,
    });

    it("fires for an open deviation since the previous meeting", () => {
      const { signals } = suggestAgenda({ ...quiet, deviations: [deviation("2026-05-20")] });
      expect(kinds(signals)).toEqual(["deviation"]);
      expect(signals[0]?.title).toBe("Ny tvist om ”Överenskommelse om SIP”");
    });

    it("does not fire for one before the previous meeting, or one already closed", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        deviations: [deviation("2026-05-05"), deviation("2026-05-20", "closed")],
      });
      expect(signals).toEqual([]);
    });
  });

  describe("overdue_action", () => {
    const action = (dueOn: string, status: "open" | "done" | "cancelled", closedOn?: string) => ({
      id: `act-${dueOn}-${status}`,
      title: "Gemensam rutin för kallelse",
      owner: "region_stockholm",
      dueOn: d(dueOn),
      status,
      closedOn: closedOn === undefined ? null : d(closedOn),
    });

    it("fires for an action past due and open on the meeting's day", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        actions: [action("2026-05-31", "open"), action("2026-05-01", "done", "2026-06-12")],
      });
      expect(signals.map((s) => s.figure.daysOverdue)).toEqual([40, 10]);
      expect(signals[0]?.link).toBe("/ledningsforum/f1#atgard-act-2026-05-01-done");
    });

    it("does not fire for an action not yet due, or closed before the meeting", () => {
      const { signals } = suggestAgenda({
        ...quiet,
        actions: [
          action("2026-06-10", "open"),
          action("2026-05-01", "done", "2026-06-01"),
          action("2026-05-01", "cancelled", "2026-06-09"),
        ],
      });
      expect(signals).toEqual([]);
    });
  });

  it("orders signals by kind, and titles them in English when asked", () => {
    const facts: AgendaFacts = {
      ...quiet,
      actions: [
        {
          id: "x",
          title: "Rutin",
          owner: "o",
          dueOn: d("2026-01-01"),
          status: "open",
          closedOn: null,
        },
      ],
      escalations: [{ id: "e", level: 3, openedOn: d("2026-06-01") }],
    };
    const { signals } = suggestAgenda(facts, "en");
    expect(kinds(signals)).toEqual(["open_escalation", "overdue_action"]);
    expect(signals[0]?.title).toBe("Escalation at management level, open for 9 days");
  });

  it("never publishes a figure a withheld cell did not publish (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            step: fc.integer({ min: 1, max: 9 }),
            value: fc.option(fc.integer({ min: 0, max: 500 })),
          }),
        ),
        (cells) => {
          const stuck = cells.map(({ step, value }) => ({
            process: "sip",
            step,
            stepName: "Steg",
            processName: "Process",
            count: { value, suppressed: value === null },
            medianDaysOver: value,
          }));
          const { signals } = suggestAgenda({ ...quiet, stuck });
          const fired = stuck.filter((c) => c.count.suppressed || (c.count.value ?? 0) > 0);
          expect(signals).toHaveLength(fired.length);
          for (const signal of signals) {
            expect(signalKinds).toContain(signal.kind);
            if (signal.figure.suppressed) expect(signal.figure.value).toBeNull();
          }
        },
      ),
    );
  });
});
