// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EscalationMetric as Metric } from "../../api/escalations";
import { SessionContext } from "../../api/queries";
import { locale } from "../../lib/i18n";
import { inRouter } from "../../router/testing";
import { anEscalation, catalogues } from "../forums/testing";
import { BoardColumns } from "./Board";
import { EscalationMetric } from "./EscalationMetric";
import { EscalationView } from "./EscalationPage";
import { RaiseEscalation } from "./RaiseEscalation";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function renderAs(role: string, node: ReactNode, orgs: string[] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(["catalogues", "token", locale()], catalogues);
  const session = { token: "token", sub: "test", role, orgs };
  return render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>{await inRouter(node)}</SessionContext.Provider>
    </QueryClientProvider>,
  );
}

/** Every request answered with `body`; the URL and body of each are kept. */
function stubApi(status: number, body: unknown) {
  const sent: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    sent.push({
      method: request.method,
      url: request.url.replace(/^https?:\/\/[^/]+/, ""),
      body: request.method === "GET" ? null : await request.clone().json(),
    });
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  });
  return sent;
}

describe("the board's columns", () => {
  it("puts each open escalation under its level, with organisations by name and its age", async () => {
    await renderAs(
      "lan",
      <BoardColumns
        escalations={[anEscalation(), anEscalation({ id: "e2", level: 3, ageDays: 90 })]}
        catalogues={catalogues}
        titles={new Map()}
      />,
    );
    const level1 = screen.getByRole("region", { name: "Nivå 1 – Enhetschef (1 öppna)" });
    const card = within(level1).getByRole("listitem");
    expect(card.textContent).toContain("Nacka kommun, Region Stockholm");
    expect(card.textContent).toContain("Öppen i 40 dagar");
    expect(card.textContent).not.toContain("K0182");
    expect(
      within(level1)
        .getByRole("link", { name: "Vem kallar till SIP när den enskilde skrivs ut?" })
        .getAttribute("href"),
    ).toBe("/eskaleringar/e1");
    expect(
      within(screen.getByRole("region", { name: /^Nivå 2/ })).getByText(
        "Inga öppna på den här nivån.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("region", { name: /^Nivå 3 .*\(1 öppna\)$/ })).toBeTruthy();
  });
});

const metric: Metric = {
  k: 5,
  disclosure: "suppression",
  view: "county",
  from: "2025-01-01",
  to: "2025-06-30",
  groupBy: ["level"],
  cells: [
    { level: 1, open: 6, resolved: 21, medianDaysToResolution: 9, suppressed: false, withheld: [] },
    {
      level: 3,
      open: null,
      resolved: null,
      medianDaysToResolution: null,
      suppressed: true,
      withheld: ["open", "resolved", "medianDaysToResolution"],
    },
  ],
  total: { open: 8, resolved: 24, medianDaysToResolution: 11.5, suppressed: false, withheld: [] },
  shareResolvedAtLevel1: 0.875,
};

describe("the escalation metric", () => {
  it("asks for whole months and shows withheld numbers as .., with the disclosure sentence", async () => {
    const sent = stubApi(200, metric);
    await renderAs("lan", <EscalationMetric fromMonth="2025-01" toMonth="2025-06" />);
    const table = await screen.findByRole("table", { name: /^Eskaleringar per nivå/ });
    expect(sent[0]?.url).toBe(
      "/api/v1/metrics/escalations?from=2025-01-01&to=2025-06-30&groupBy=level",
    );
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      "Nivå 1 – Enhetschef6219",
      "Nivå 2 – Verksamhetschef00–",
      "Nivå 3 – Förvaltningschef eller ledningsforum......",
      "Totalt82411,5",
    ]);
    expect(
      screen.getByText(
        /Antalen är exakta\. För att skydda enskilda visas inte antal från 1 till 4/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Andel lösta redan på nivå 1: 88\s%\.$/)).toBeTruthy();
    expect(screen.getByText(/^Öppna per 2025-06-30/)).toBeTruthy();
  });
});

describe("raising an escalation", () => {
  it("sends a samordnare's escalation about a case by its number", async () => {
    const sent = stubApi(201, anEscalation({ about: { kind: "case", caseId: 42 } }));
    await renderAs("samordnare", <RaiseEscalation kind="case" catalogues={catalogues} />, [
      "K0182",
    ]);
    fireEvent.change(screen.getByLabelText(/^Ärendenummer/), { target: { value: "42" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Nacka kommun" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Region Stockholm" }));
    fireEvent.change(screen.getByLabelText(/^Frågan/), { target: { value: "Vem samordnar?" } });
    fireEvent.click(screen.getByRole("button", { name: "Eskalera till nivå 1" }));
    await waitFor(() => expect(sent.some((s) => s.method === "POST")).toBe(true));
    expect(sent.find((s) => s.method === "POST")?.body).toEqual({
      about: { kind: "case", caseId: 42 },
      organisations: ["K0182", "REG"],
      question: "Vem samordnar?",
    });
  });

  it("says beside each field what is missing, and sends nothing", async () => {
    const sent = stubApi(200, { items: [] });
    await renderAs("ledning", <RaiseEscalation kind="routine" catalogues={catalogues} />, ["REG"]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Region Stockholm" }));
    fireEvent.click(screen.getByRole("button", { name: "Eskalera till nivå 1" }));
    expect(screen.getByText("Välj minst två organisationer.")).toBeTruthy();
    const question = screen.getByLabelText(/^Frågan/);
    expect(question.getAttribute("aria-invalid")).toBe("true");
    expect(sent.filter((s) => s.method === "POST")).toEqual([]);
  });
});

describe("one escalation", () => {
  it("offers a lift to the next level by name, and resolving", async () => {
    stubApi(200, { items: [] });
    await renderAs("lan", <EscalationView escalation={anEscalation()} catalogues={catalogues} />);
    expect(screen.getByRole("button", { name: "Lyft till Nivå 2 – Verksamhetschef" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Markera som löst" })).toBeTruthy();
  });

  it("lifts with a note, saying the level reached; a lift without a note is not sent", async () => {
    const sent = stubApi(200, anEscalation({ level: 2 }));
    await renderAs("lan", <EscalationView escalation={anEscalation()} catalogues={catalogues} />);
    const lift = screen.getByRole("button", { name: "Lyft till Nivå 2 – Verksamhetschef" });
    fireEvent.click(lift);
    expect(screen.getByLabelText(/^Varför lyfts den/).getAttribute("aria-invalid")).toBe("true");
    expect(sent.filter((s) => s.method === "POST")).toEqual([]);
    fireEvent.change(screen.getByLabelText(/^Varför lyfts den/), {
      target: { value: "Enhetscheferna är oeniga." },
    });
    fireEvent.click(lift);
    await screen.findByText("Lyft till Nivå 2 – Verksamhetschef.");
    expect(sent.filter((s) => s.method === "POST")).toEqual([
      {
        method: "POST",
        url: "/api/v1/escalations/e1/lift",
        body: { note: "Enhetscheferna är oeniga." },
      },
    ]);
  });

  it("says one at the top level cannot be lifted; a resolved one offers nothing", async () => {
    stubApi(200, { items: [] });
    await renderAs(
      "lan",
      <EscalationView escalation={anEscalation({ level: 3 })} catalogues={catalogues} />,
    );
    expect(screen.getByText(/på högsta nivån och kan inte lyftas längre/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Lyft/ })).toBeNull();
    cleanup();
    await renderAs(
      "lan",
      <EscalationView
        escalation={anEscalation({
          status: "resolved",
          resolvedOn: "2025-06-01",
          resolution: "Regionen samordnar.",
        })}
        catalogues={catalogues}
      />,
    );
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.getByText("Regionen samordnar.")).toBeTruthy();
  });

  it("offers a ledning outside the dispute nothing to do", async () => {
    stubApi(200, { items: [] });
    await renderAs(
      "ledning",
      <EscalationView escalation={anEscalation()} catalogues={catalogues} />,
      ["K0180"],
    );
    expect(screen.queryByRole("button", { name: /^Lyft/ })).toBeNull();
    expect(screen.queryByRole("button", { name: "Markera som löst" })).toBeNull();
  });
});
