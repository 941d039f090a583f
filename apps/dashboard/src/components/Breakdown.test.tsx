// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { SessionContext } from "../api/queries";
import type { Catalogues } from "../api/types";
import { countCell, linkCell } from "../lib/cells";
import { locale } from "../lib/i18n";
import { inRouter } from "../router/testing";
import { Breakdown } from "./Breakdown";
import { NothingToDraw } from "./charts";
import { type Column, DataTable } from "./DataTable";

afterEach(cleanup);

const catalogues: Catalogues = {
  processes: [],
  targetGroups: [],
  principalTypes: [],
  ageGroups: [],
  municipalities: [],
  units: [],
  organisations: [],
};

async function renderWithSession(node: ReactNode) {
  const client = new QueryClient();
  client.setQueryData(["catalogues", "token", locale()], catalogues);
  const session = { token: "token", sub: "test", role: "lan", orgs: [] };
  return render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>{await inRouter(node)}</SessionContext.Provider>
    </QueryClientProvider>,
  );
}

describe("Breakdown", () => {
  const chart = <div data-testid="chart" />;
  const table = <div data-testid="table" />;
  const coarser = <p>Totalt 7</p>;

  it("shows the chart and the table when most values are published", () => {
    render(
      <Breakdown withheld={[false, true, false]} chart={chart} table={table} coarser={coarser} />,
    );
    expect(screen.queryByTestId("chart")).not.toBeNull();
    expect(screen.queryByText("Totalt 7")).toBeNull();
  });

  it("replaces the chart by a sentence and the coarser figure when most are withheld", () => {
    render(
      <Breakdown withheld={[true, true, false]} chart={chart} table={table} coarser={coarser} />,
    );
    expect(screen.queryByTestId("chart")).toBeNull();
    expect(
      screen.getByText(/De flesta uppgifterna i den här uppdelningen redovisas inte/),
    ).toBeTruthy();
    expect(screen.getByText("Totalt 7")).toBeTruthy();
    expect(screen.queryByTestId("table")).not.toBeNull();
  });
});

describe("a chart with nothing to draw", () => {
  it("is a sentence", () => {
    render(<NothingToDraw />);
    expect(screen.getByText(/Inget av värdena i den här uppdelningen kan ritas/)).toBeTruthy();
  });
});

describe("a table's drill-down link", () => {
  interface Row {
    readonly name: string;
    readonly href: string | null;
  }
  const columns: Column<Row>[] = [
    { id: "name", header: "Målgrupp", cell: (r) => linkCell(r.name, r.href) },
    { id: "count", header: "Antal", cell: () => countCell(12, false, 5) },
  ];
  const rows: Row[] = [
    { name: "Demens", href: "/ledtider?targetGroup=demens" },
    { name: "Enhet utan filter", href: null },
  ];

  it("is a real link in the row header, and plain text where there is none", async () => {
    await renderWithSession(
      <DataTable caption="Ärenden" columns={columns} rows={rows} rowKey={(r) => r.name} k={5} />,
    );
    const link = screen.getByRole("link", { name: "Demens" });
    expect(link.getAttribute("href")).toBe("/ledtider?targetGroup=demens");
    expect(link.closest("th")?.getAttribute("scope")).toBe("row");
    expect(screen.queryByRole("link", { name: "Enhet utan filter" })).toBeNull();
  });

  it("opens the page in place, with the filter in the URL", async () => {
    await renderWithSession(
      <DataTable caption="Ärenden" columns={columns} rows={rows} rowKey={(r) => r.name} k={5} />,
    );
    fireEvent.click(screen.getByRole("link", { name: "Demens" }));
    // The router commits the new URL after the click's handler returns.
    await waitFor(() => expect(window.location.pathname).toBe("/ledtider"));
    expect(new URLSearchParams(window.location.search).get("targetGroup")).toBe("demens");
  });
});
