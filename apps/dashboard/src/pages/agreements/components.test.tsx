// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AgreementStatus, Indicator } from "../../api/agreements";
import { SessionContext } from "../../api/queries";
import { locale } from "../../lib/i18n";
import { inRouter } from "../../router/testing";
import { NewAgreement } from "./AgreementForm";
import { StatusActions } from "./AgreementPage";
import { CoverageMatrix } from "./CoverageMatrix";
import { IndicatorCard } from "./Indicators";
import { anAgreement, catalogues, coverage } from "./testing";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderAs(role: string, node: ReactNode, url = "/") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(["catalogues", "token", locale()], catalogues);
  const session = { token: "token", sub: "test", role, orgs: [] };
  return render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>{await inRouter(node, url)}</SessionContext.Provider>
    </QueryClientProvider>,
  );
}

const titles = new Map([["a1", "Missbruk i Nacka"]]);

describe("the coverage matrix", () => {
  const matrix = (mayWrite: boolean) => (
    <CoverageMatrix
      coverage={coverage}
      catalogues={catalogues}
      titles={titles}
      mayWrite={mayWrite}
    />
  );

  it("is a table with a caption and headers whose gaps read Saknas, not only in colour", async () => {
    await renderAs("lan", matrix(true));
    const table = screen.getByRole("table", { name: /Täckning per kommun/ });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Kommun", "Psykisk funktionsnedsättning", "Missbruk och beroende"]);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent),
    ).toEqual(["Nacka", "Stockholm"]);
    const gap = screen.getByRole("button", { name: "Nacka, Psykisk funktionsnedsättning: Saknas" });
    expect(gap.textContent).toBe("✗ Saknas");
    expect(gap.closest("td")?.className).toBe("coverage-gap");
    expect(
      screen.getByText("2 av 4 kombinationer saknar en gällande överenskommelse."),
    ).toBeTruthy();
  });

  it("lists the agreements that cover a chosen cell, by title and as links", async () => {
    await renderAs("ledning", matrix(false));
    const cell = screen.getByRole("button", { name: "Nacka, Missbruk och beroende: Täckt (1)" });
    fireEvent.click(cell);
    expect(cell.getAttribute("aria-pressed")).toBe("true");
    const panel = screen.getByRole("region", { name: "Nacka · Missbruk och beroende" });
    const link = within(panel).getByRole("link", { name: "Missbruk i Nacka" });
    expect(link.getAttribute("href")).toBe("/overenskommelser/a1");
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(panel.querySelector("h3")?.textContent),
    );
  });

  it("offers lan to create an agreement for a gap, prefilled with its kommun and målgrupp", async () => {
    await renderAs("lan", matrix(true));
    fireEvent.click(
      screen.getByRole("button", { name: "Stockholm, Psykisk funktionsnedsättning: Saknas" }),
    );
    const create = screen.getByRole("link", {
      name: "Skapa överenskommelse för Stockholm och Psykisk funktionsnedsättning",
    });
    expect(create.getAttribute("href")).toBe(
      "/overenskommelser/ny?municipality=0180&targetGroup=psykisk_funktionsnedsattning",
    );
  });

  it("offers no creation to a role that may not write, and says the gap", async () => {
    await renderAs("ledning", matrix(false));
    fireEvent.click(
      screen.getByRole("button", { name: "Stockholm, Psykisk funktionsnedsättning: Saknas" }),
    );
    expect(screen.queryByRole("link", { name: /Skapa överenskommelse/ })).toBeNull();
    expect(
      screen.getByText(/Ingen gällande överenskommelse mellan kommunen och regionen/),
    ).toBeTruthy();
  });

  it("says a cell is covered by agreements the user may not read, without naming them", async () => {
    await renderAs("ledning", matrix(false));
    const cell = screen.getByRole("button", { name: "Stockholm, Missbruk och beroende: Täckt" });
    fireEvent.click(cell);
    expect(
      screen.getByText(/täckt av en överenskommelse som du inte har behörighet att se/),
    ).toBeTruthy();
  });
});

/** The API as the form meets it: every POST answered with `status` and `body`. */
function answerPosts(status: number, body: unknown) {
  const posts: unknown[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    if (request.method === "POST") posts.push(await request.clone().json());
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  });
  return posts;
}

describe("the new agreement form", () => {
  const open = () =>
    renderAs(
      "lan",
      <NewAgreement />,
      "/overenskommelser/ny?municipality=0182&targetGroup=missbruk_beroende",
    );

  it("starts from the coverage gap it was opened from", async () => {
    await open();
    expect((screen.getByRole("checkbox", { name: "Nacka" }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect(
      (screen.getByRole("checkbox", { name: "Missbruk och beroende" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (screen.getByRole("checkbox", { name: "Nacka kommun" }) as HTMLInputElement).checked,
    ).toBe(true);
    expect(
      (screen.getByRole("checkbox", { name: "Region Stockholm" }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("ties each error to its field and sends nothing while the form has one", async () => {
    const posts = answerPosts(201, {});
    await open();
    fireEvent.click(screen.getByRole("checkbox", { name: "Nacka kommun" }));
    fireEvent.click(screen.getByRole("button", { name: "Spara som utkast" }));
    const title = screen.getByLabelText(/^Titel/);
    expect(title.getAttribute("aria-invalid")).toBe("true");
    const describedBy = title.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe("Fyll i Titel.");
    const parties = screen.getByRole("group", { name: /^Parter/ });
    expect(parties.getAttribute("aria-invalid")).toBe("true");
    expect(parties.getAttribute("aria-describedby")).toContain("error");
    expect(within(parties).getByText("Välj minst två parter.")).toBeTruthy();
    const summary = screen.getByRole("alert");
    expect(summary.textContent).toContain("Rätta 2 fel");
    expect(within(summary).getByRole("link", { name: "Titel: Fyll i Titel." })).toBeTruthy();
    expect(posts).toEqual([]);
  });

  it("shows the API's refusal of a field beside that field, by its label", async () => {
    const posts = answerPosts(422, {
      error: {
        code: "unprocessable",
        message: "Uppgifterna kunde inte användas.",
        details: [
          {
            path: "sections.0.text",
            message: "Fältet sections.0.text innehåller ett personnummer eller samordningsnummer.",
          },
        ],
      },
    });
    await open();
    fireEvent.change(screen.getByLabelText(/^Titel/), { target: { value: "Missbruk i Nacka" } });
    fireEvent.click(screen.getByRole("button", { name: "Lägg till avsnitt" }));
    fireEvent.change(screen.getByLabelText(/^Rubrik/), { target: { value: "SIP" } });
    const text = screen.getByLabelText(/^Text/);
    fireEvent.change(text, { target: { value: "Gäller 121212-1212" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara som utkast" }));
    await waitFor(() => expect(text.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(text.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Fältet ”Avsnitt 1: Text” innehåller ett personnummer eller samordningsnummer.",
    );
    expect(posts).toEqual([
      expect.objectContaining({
        title: "Missbruk i Nacka",
        parties: ["K0182", "REG"],
        municipalities: ["0182"],
        targetGroups: ["missbruk_beroende"],
        validTo: null,
        documentUrl: null,
        sections: [{ kind: "ansvarsfordelning", title: "SIP", text: "Gäller 121212-1212" }],
      }),
    ]);
  });
});

describe("an indicator", () => {
  const months = (values: (number | null)[]) =>
    values.map((value, i) => ({
      month: `2025-${String(i + 1).padStart(2, "0")}`,
      value,
      suppressed: value === null,
      met: value === null ? null : value >= 10,
    }));
  const indicator = (current: Indicator["current"]): Indicator => ({
    id: "i1",
    agreementId: "a1",
    name: "SIP upprättad",
    kind: "result",
    metric: "sip",
    params: {},
    figure: "sipEstablished",
    target: { value: 10, direction: "at_least" },
    current,
    months: months([12, null, 8]),
  });

  it("shows a withheld value as .., explained, never a number, and never met or not", async () => {
    await renderAs(
      "lan",
      <IndicatorCard
        indicator={indicator({ value: null, suppressed: true, met: null })}
        asOf="2025-03-31"
        k={5}
      />,
    );
    const current = screen.getByText(/^Värde den 2025-03-31:/);
    const mark = within(current).getByText("..");
    expect(mark.getAttribute("title")).toMatch(/^Redovisas inte: färre än 5 ärenden/);
    expect(current.textContent).toContain("Redovisas inte (..)");
    expect(current.textContent).not.toMatch(/Målet nås/);
    const table = screen.getByRole("table", { name: /SIP upprättad/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      "jan 202512Målet nås",
      "feb 2025..Redovisas inte (..)",
      "mars 20258Målet nås inte",
    ]);
  });

  it("marks the last month partial when it is read before its end", async () => {
    await renderAs(
      "lan",
      <IndicatorCard
        indicator={indicator({ value: 8, suppressed: false, met: false })}
        asOf="2025-03-15"
        k={5}
      />,
    );
    const table = screen.getByRole("table", { name: /SIP upprättad/ });
    const cells = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.firstChild?.textContent);
    expect(cells).toEqual(["jan 2025", "feb 2025", "mars 2025 (t.o.m. 15 mars, ofullständig)"]);
  });

  it("states the target, the unit and whether the latest value meets it", async () => {
    await renderAs(
      "lan",
      <IndicatorCard
        indicator={indicator({ value: 12, suppressed: false, met: true })}
        asOf="2025-03-31"
        k={5}
      />,
    );
    expect(screen.getByText(/Mål: minst 10/)).toBeTruthy();
    expect(screen.getByText(/^Värde den 2025-03-31:/).textContent).toBe(
      "Värde den 2025-03-31: 12 ärenden. Målet nås",
    );
    expect(screen.getByRole("columnheader", { name: /Värde \(ärenden\)/ })).toBeTruthy();
  });
});

describe("the status actions", () => {
  const detail = (status: AgreementStatus) => ({
    ...anAgreement({ status }),
    revisions: [],
    deviations: [],
    deviationsBySection: [],
  });
  const buttons = () =>
    within(screen.getByRole("region", { name: "Ändra status" }))
      .getAllByRole("button")
      .map((b) => b.textContent);

  it("offers only the moves the status allows", async () => {
    answerPosts(200, { items: [] });
    await renderAs("lan", <StatusActions agreement={detail("draft")} />);
    expect(buttons()).toEqual(["Aktivera"]);
    cleanup();
    await renderAs("lan", <StatusActions agreement={detail("under_review")} />);
    expect(buttons()).toEqual([
      "Granskning klar – gäller vidare",
      "Markera som upphörd",
      "Ersätt med en annan",
    ]);
    cleanup();
    await renderAs("lan", <StatusActions agreement={detail("expired")} />);
    expect(screen.getByText(/statusen kan inte ändras/)).toBeTruthy();
  });

  it("asks before ending an agreement, and needs the successor to replace it", async () => {
    const posts = answerPosts(200, { ...anAgreement(), status: "replaced", items: [] });
    await renderAs("lan", <StatusActions agreement={detail("active")} />);
    fireEvent.click(screen.getByRole("button", { name: "Markera som upphörd" }));
    expect(screen.getByText(/kan inte bli gällande igen/)).toBeTruthy();
    expect(posts).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Ersätt med en annan" }));
    fireEvent.click(screen.getByRole("button", { name: "Ja, bekräfta" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Välj den överenskommelse som ersätter den här.",
    );
    expect(posts).toEqual([]);
  });
});
