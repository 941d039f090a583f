// @vitest-environment happy-dom
import { t as translate } from "@samsyn/domain/messages";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { inRouter } from "../router/testing";
import { DisclosureNote, disclosureText } from "./DisclosureNote";

afterEach(cleanup);

describe("DisclosureNote", () => {
  it("says, for the cell-key method, that counts may be off by 2 and need not add up", async () => {
    render(
      await inRouter(<DisclosureNote of={{ k: 5, disclosure: "cellkey", asOf: "2026-12-03" }} />),
    );
    const note = screen.getByText(/avvika med högst 2 från det verkliga/);
    expect(note.tagName).toBe("P");
    expect(note.textContent).toBe(
      "För att skydda enskilda kan varje antal avvika med högst 2 från det verkliga, så summan av delarna kan skilja sig från totalen. Samma ärenden ger alltid samma antal. Antal från 1 till 4 visas inte.",
    );
    expect(note.textContent).not.toMatch(/exakta/);
  });

  it("says, for suppression, that counts are exact and some are withheld", async () => {
    render(
      await inRouter(
        <DisclosureNote of={{ k: 5, disclosure: "suppression", asOf: "2026-12-03" }} />,
      ),
    );
    const note = screen.getByText(/Antalen är exakta/);
    expect(note.textContent).toBe(
      "Antalen är exakta. För att skydda enskilda visas inte antal från 1 till 4, och inte heller antal som de skulle kunna räknas fram ur.",
    );
    expect(note.textContent).not.toMatch(/avvika|summan av delarna/);
  });

  it("says first which cases the figures cover: the months in the URL and the answer's date", async () => {
    render(
      await inRouter(
        <DisclosureNote of={{ k: 5, disclosure: "cellkey", asOf: "2025-07-01" }} by="closed" />,
        "/?from=2025-01&to=2025-06",
      ),
    );
    const period = screen.getByText(/^Uppgifterna gäller/);
    expect(period.textContent).toMatch(
      /ärenden avslutade jan\.? 2025–juni 2025, läget per 2025-07-01\.$/,
    );
    window.history.replaceState(null, "", "/");
  });

  it("takes k from the answer, not from the dashboard", () => {
    expect(disclosureText({ k: 10, disclosure: "cellkey" })).toMatch(/Antal från 1 till 9 visas/);
    expect(disclosureText({ k: 3, disclosure: "suppression" })).toMatch(/från 1 till 2,/);
  });

  it("has both sentences in English too, with the same k", () => {
    expect(translate("disclosure.note.cellkey", { below: 4 }, "en")).toBe(
      "To protect individuals, each count may differ from the true count by at most 2, so the parts may not add up to the total. The same cases always give the same count. Counts from 1 to 4 are not shown.",
    );
    expect(translate("disclosure.note.suppression", { below: 4 }, "en")).toBe(
      "Counts are exact. To protect individuals, counts from 1 to 4 are not shown, nor counts from which they could be worked out.",
    );
  });
});
