// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../../api/queries";
import { locale } from "../../lib/i18n";
import { inRouter } from "../../router/testing";
import { ActionsTable } from "./ActionsTable";
import { EffectCard } from "./Effect";
import { MeetingView } from "./MeetingPage";
import { MeetingStatus } from "./MeetingStatus";
import { SuggestedAgenda } from "./SuggestedAgenda";
import { aForum, aMeeting, anAction, anEffect, aSignal, catalogues } from "./testing";

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

interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** The API as the pages meet it: `answer` gives each request's status and body; writes are kept. */
function stubApi(answer: (method: string, path: string) => { status: number; body: unknown }) {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const path = new URL(request.url, "http://localhost").pathname.replace("/api/v1", "");
    if (request.method !== "GET") {
      sent.push({ method: request.method, path, body: await request.clone().json() });
    }
    const { status, body } = answer(request.method, path);
    return new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  });
  return sent;
}

const withheldSignal = aSignal({
  ref: "sip:5",
  title: "Fastnade ärenden i steg 5 Planeringsmöte",
  figure: {
    value: null,
    suppressed: true,
    unit: "cases",
    medianDaysOver: null,
    asOf: "2025-06-10",
  },
});

describe("the suggested agenda", () => {
  const answerAgenda = (signals = [aSignal(), withheldSignal]) =>
    stubApi((method, path) =>
      method === "GET" && path.endsWith("/suggested-agenda")
        ? {
            status: 200,
            body: { k: 5, disclosure: "cellkey", since: "2025-03-01", asOf: "2025-06-10", signals },
          }
        : {
            status: 201,
            body: { id: "i1", meetingId: "m2", position: 1, title: "T", signal: null },
          },
    );

  it("shows each signal's kind, title and figure with unit; a withheld one as .., explained", async () => {
    answerAgenda();
    await renderAs(
      "lan",
      <SuggestedAgenda forumId="f1" meeting={aMeeting()} catalogues={catalogues} mayAdd />,
    );
    const region = await screen.findByRole("region", { name: "Föreslagen dagordning" });
    await within(region).findByText("Fastnade ärenden i steg 3 Kallelse till planeringsmöte");
    expect(
      within(region).getByText(/Signaler bland forumets medlemmar sedan 2025-03-01/),
    ).toBeTruthy();
    const items = within(region).getAllByRole("listitem");
    expect(items[0]?.querySelector(".signal-figure")?.textContent).toBe(
      "14 ärenden · median 12 dagar över målet · per 2025-06-10",
    );
    const mark = within(items[1] as HTMLElement).getByText("..");
    expect(mark.getAttribute("title")).toMatch(/^Redovisas inte: färre än 5 ärenden/);
    expect(items[1]?.querySelector(".signal-figure")?.textContent).toBe(
      ".. ärenden · per 2025-06-10",
    );
    expect(within(region).getByText(/”\.\.” betyder färre än 5 ärenden/)).toBeTruthy();
    const link = within(items[0] as HTMLElement).getByRole("link", {
      name: "Visa underlaget: Fastnade ärenden i steg 3 Kallelse till planeringsmöte",
    });
    expect(link.getAttribute("href")).toBe("/fastnade?process=sip");
  });

  it("puts a signal on the agenda in one click, with its kind and ref", async () => {
    const sent = answerAgenda();
    await renderAs(
      "lan",
      <SuggestedAgenda forumId="f1" meeting={aMeeting()} catalogues={catalogues} mayAdd />,
    );
    fireEvent.click(
      await screen.findByRole("button", {
        name: "Lägg till på dagordningen: Fastnade ärenden i steg 3 Kallelse till planeringsmöte",
      }),
    );
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: "POST",
      path: "/forums/f1/meetings/m2/agenda",
      body: {
        title: "Fastnade ärenden i steg 3 Kallelse till planeringsmöte",
        signal: { kind: "stuck_cases", ref: "sip:3" },
      },
    });
  });

  it("says a picked signal is on the agenda, and offers no button for it or to a reader", async () => {
    answerAgenda();
    const picked = aMeeting({
      agenda: [
        {
          id: "i1",
          meetingId: "m2",
          position: 1,
          title: "Fastnade",
          signal: { kind: "stuck_cases", ref: "sip:3" },
        },
      ],
    });
    await renderAs(
      "lan",
      <SuggestedAgenda forumId="f1" meeting={picked} catalogues={catalogues} mayAdd />,
    );
    const items = await screen.findAllByRole("listitem");
    expect(items[0]?.querySelector(".signal-added")?.textContent).toBe("✓ På dagordningen");
    expect(within(items[0] as HTMLElement).queryByRole("button")).toBeNull();
    expect(within(items[1] as HTMLElement).getByRole("button")).toBeTruthy();
    cleanup();
    answerAgenda();
    await renderAs(
      "samordnare",
      <SuggestedAgenda forumId="f1" meeting={aMeeting()} catalogues={catalogues} mayAdd={false} />,
    );
    await screen.findAllByRole("listitem");
    expect(screen.queryAllByRole("button")).toEqual([]);
  });
});

describe("the meeting's status", () => {
  it("is held with the participants typed one per line", async () => {
    const sent = stubApi(() => ({ status: 200, body: aMeeting({ status: "held" }) }));
    await renderAs("lan", <MeetingStatus forumId="f1" meeting={aMeeting()} />);
    fireEvent.change(screen.getByLabelText(/^Deltagare/), {
      target: { value: "Karin Lund\n\nJohan Berg\n" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Markera mötet som hållet" }));
    await screen.findByText("Klart: mötet har status Hållet.");
    expect(sent).toEqual([
      {
        method: "POST",
        path: "/forums/f1/meetings/m2/status",
        body: { status: "held", participants: ["Karin Lund", "Johan Berg"] },
      },
    ]);
  });

  it("asks for a justerare before the protocol is justerat, and sends nothing without", async () => {
    const sent = stubApi(() => ({ status: 200, body: aMeeting({ status: "justerat" }) }));
    await renderAs("lan", <MeetingStatus forumId="f1" meeting={aMeeting({ status: "held" })} />);
    const field = screen.getByLabelText(/^Justerare/);
    fireEvent.click(screen.getByRole("button", { name: "Justera protokollet" }));
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe(
      "Ange minst en justerare.",
    );
    expect(sent).toEqual([]);
  });

  it("shows the API's refusal of a name beside the field, the number never shown", async () => {
    stubApi(() => ({
      status: 422,
      body: {
        error: {
          code: "unprocessable",
          message: "Uppgifterna kunde inte användas.",
          details: [
            {
              path: "participants.1",
              message: "Fältet participants.1 innehåller ett personnummer eller samordningsnummer.",
            },
          ],
        },
      },
    }));
    await renderAs("lan", <MeetingStatus forumId="f1" meeting={aMeeting()} />);
    const field = screen.getByLabelText(/^Deltagare/);
    fireEvent.change(field, { target: { value: "Karin Lund\n121212-1212" } });
    fireEvent.click(screen.getByRole("button", { name: "Markera mötet som hållet" }));
    await waitFor(() => expect(field.getAttribute("aria-invalid")).toBe("true"));
    const error = document.getElementById(`${field.id}-error`)?.textContent ?? "";
    expect(error).toMatch(/personnummer/);
    expect(error).not.toContain("1212");
  });
});

describe("a justerat meeting", () => {
  it("is locked: it says so, offers no forms, yet its open actions can still be closed", async () => {
    stubApi(() => ({ status: 200, body: { items: [] } }));
    const meeting = aMeeting({
      status: "justerat",
      participants: ["Karin Lund", "Johan Berg"],
      justerare: ["Johan Berg"],
      decisions: [{ id: "d1", meetingId: "m2", position: 1, text: "Mallen tas fram." }],
      actions: [anAction({ source: { kind: "meeting", meetingId: "m2", date: "2025-06-10" } })],
    });
    await renderAs(
      "ledning",
      <MeetingView forum={aForum()} meeting={meeting} catalogues={catalogues} />,
      ["REG"],
    );
    expect(screen.getByText(/Protokollet är justerat och låst/)).toBeTruthy();
    expect(document.querySelectorAll("form")).toHaveLength(0);
    expect(screen.queryByRole("region", { name: "Föreslagen dagordning" })).toBeNull();
    expect(screen.queryByRole("region", { name: "Mötets status" })).toBeNull();
    expect(screen.getByText("Karin Lund, Johan Berg")).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Klar: Ta fram gemensam mall för kallelse" }),
    ).toBeTruthy();
  });

  it("offers the forms while planned, to a writer only", async () => {
    stubApi((_m, path) => ({
      status: 200,
      body: path.endsWith("suggested-agenda")
        ? { k: 5, disclosure: "cellkey", since: "2025-03-01", asOf: "2025-06-10", signals: [] }
        : { items: [] },
    }));
    await renderAs(
      "ledning",
      <MeetingView forum={aForum()} meeting={aMeeting()} catalogues={catalogues} />,
      ["REG"],
    );
    expect(document.querySelector("form.add-agenda-item")).not.toBeNull();
    expect(document.querySelector("form.add-decision")).not.toBeNull();
    expect(document.querySelector("form.add-action")).not.toBeNull();
    cleanup();
    await renderAs(
      "ledning",
      <MeetingView forum={aForum()} meeting={aMeeting()} catalogues={catalogues} />,
      ["K0180"],
    );
    expect(document.querySelectorAll("form")).toHaveLength(0);
  });
});

describe("the actions table", () => {
  it("anchors each row for the signals that link to it, and names owners", async () => {
    await renderAs(
      "lan",
      <ActionsTable
        forumId="f1"
        caption="Forumets öppna åtgärder"
        actions={[{ ...anAction(), daysOverdue: 41 }]}
        empty="Inga"
        catalogues={catalogues}
        mayClose
        show={{ decided: true, overdue: true }}
        anchors
      />,
    );
    const row = document.getElementById("atgard-a1");
    expect(row?.textContent).toBe(
      "Ta fram gemensam mall för kallelseRegion Stockholm2025-03-012025-04-3041KlarStryk",
    );
  });

  it("marks an action done, and says so", async () => {
    const sent = stubApi(() => ({
      status: 200,
      body: anAction({ status: "done", closedOn: "2025-06-10" }),
    }));
    await renderAs(
      "lan",
      <ActionsTable
        forumId="f1"
        caption="Åtgärder"
        actions={[anAction()]}
        empty="Inga"
        catalogues={catalogues}
        mayClose
        show={{ status: true }}
      />,
    );
    fireEvent.click(
      screen.getByRole("button", { name: "Klar: Ta fram gemensam mall för kallelse" }),
    );
    await screen.findByText("”Ta fram gemensam mall för kallelse” är nu klar.");
    expect(sent).toEqual([
      { method: "PATCH", path: "/forums/f1/actions/a1", body: { status: "done" } },
    ]);
  });

  it("offers no buttons to one who may not close", async () => {
    await renderAs(
      "samordnare",
      <ActionsTable
        forumId="f1"
        caption="Åtgärder"
        actions={[anAction()]}
        empty="Inga"
        catalogues={catalogues}
        mayClose={false}
        show={{ status: true }}
      />,
    );
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.queryByRole("columnheader", { name: "Ändra" })).toBeNull();
  });
});

describe("did it work", () => {
  it("reads the figure at the decision, when done and now, a withheld one as ..", async () => {
    await renderAs(
      "lan",
      <EffectCard
        action={anAction({ link: { kind: "indicator", indicatorId: "i1" } })}
        effect={anEffect()}
      />,
    );
    expect(document.querySelector(".effect-readings")?.textContent).toBe(
      "Vid beslutet (2025-03-01): 6 ärenden · När åtgärden blev klar (2025-05-20): .. ärenden · Nu (2025-06-30): 12 ärenden",
    );
    const table = screen.getByRole("table", { name: /SIP upprättad per månad \(ärenden\)/ });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      "mars 20256Nås inteBeslut 2025-03-01",
      "apr 20258Nås inte",
      "maj 2025..OkäntKlar 2025-05-20",
      "juni 202512Nås",
    ]);
  });
});
