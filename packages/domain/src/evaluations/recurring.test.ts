import { describe, expect, it } from "vitest";
import { suggestAgenda } from "../agenda/signals";
import type { IsoDate } from "../codes";
import { type ImprovementThemeFact, monthsBefore, recurringImprovementThemes } from "./recurring";

const d = (s: string) => s as IsoDate;
const held = (
  evaluationId: string,
  heldOn: string,
  theme = "kommunikation",
  items = 2,
): ImprovementThemeFact => ({
  evaluationId,
  theme,
  heldOn: d(heldOn),
  items,
});
const asOf = d("2026-06-10");

describe("a recurring improvement theme", () => {
  it("fires at 3 sessions within 6 months, the oldest on the edge day", () => {
    const facts = [held("a", "2025-12-10"), held("b", "2026-03-01"), held("c", "2026-06-10")];
    expect(recurringImprovementThemes(facts, asOf, 3)).toEqual([
      { theme: "kommunikation", sessions: 3, items: 6, since: "2025-12-10" },
    ]);
  });

  it("does not fire when the oldest was held the day before the 6 months", () => {
    const facts = [held("a", "2025-12-09"), held("b", "2026-03-01"), held("c", "2026-06-10")];
    expect(recurringImprovementThemes(facts, asOf, 3)).toEqual([]);
  });

  it("does not fire at 2 sessions, however many items, nor count a session twice", () => {
    const facts = [
      held("a", "2026-05-01", "tillit", 9),
      held("a", "2026-05-01", "tillit", 1),
      held("b", "2026-05-02", "tillit", 9),
    ];
    expect(recurringImprovementThemes(facts, asOf, 3)).toEqual([]);
  });

  it("ignores sessions after the day it is read as of, and withholds few items", () => {
    const facts = [
      held("a", "2026-04-01", "avtal", 1),
      held("b", "2026-04-02", "avtal", 1),
      held("c", "2026-04-03", "avtal", 1),
      held("d", "2026-06-11", "avtal"),
    ];
    expect(recurringImprovementThemes(facts, asOf, 5)).toEqual([
      { theme: "avtal", sessions: 3, items: null, since: "2025-12-10" },
    ]);
  });

  it("counts six calendar months back, clamped to the month's end", () => {
    expect(monthsBefore(d("2026-08-31"), 6)).toBe("2026-02-28");
    expect(monthsBefore(d("2026-01-15"), 6)).toBe("2025-07-15");
  });

  it("is a signal on the suggested agenda, with the theme's Swedish name", () => {
    const facts = {
      forumId: "f1",
      meetingDate: asOf,
      previousMeetingDate: d("2026-05-06"),
      asOf,
      stuck: [],
      escalations: [],
      agreements: [],
      indicators: [],
      deviations: [],
      actions: [],
      improvementThemes: recurringImprovementThemes(
        [held("a", "2026-01-10"), held("b", "2026-03-01"), held("c", "2026-06-01")],
        asOf,
        3,
      ),
    };
    expect(suggestAgenda(facts).signals).toEqual([
      {
        kind: "improvement_theme",
        ref: "kommunikation",
        title: "Återkommande förbättringsområde: Kommunikation (3 utvärderingar)",
        figure: { sessions: 3, items: 6, since: "2025-12-10" },
        link: "/utvardering/teman?theme=kommunikation",
      },
    ]);
    expect(suggestAgenda({ ...facts, improvementThemes: [] }).signals).toEqual([]);
  });
});
