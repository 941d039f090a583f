// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionContext } from "../api/queries";
import type { Catalogues } from "../api/types";
import { countCell, textCell } from "../lib/cells";
import { download } from "../lib/export";
import { locale } from "../lib/i18n";
import { inRouter } from "../router/testing";
import { type Column, DataTable } from "./DataTable";

vi.mock("../lib/export", async (original) => ({
  ...(await original<typeof import("../lib/export")>()),
  download: vi.fn(),
}));

interface Row {
  readonly name: string;
  readonly count: number | null;
}

const rows: Row[] = [
  { name: "Österåker", count: 12 },
  { name: "Ale", count: null },
  { name: "Vallentuna", count: 9 },
  { name: "Ängelholm", count: 100 },
  { name: "Åre", count: null },
];

const columns: Column<Row>[] = [
  { id: "name", header: "Kommun", cell: (r) => textCell(r.name) },
  { id: "count", header: "Antal ärenden", cell: (r) => countCell(r.count, r.count === null, 5) },
];

const catalogues: Catalogues = {
  processes: [],
  targetGroups: [],
  principalTypes: [],
  ageGroups: [],
  municipalities: [],
  units: [],
  organisations: [],
};

async function renderTable(node: ReactNode) {
  const client = new QueryClient();
  // The export buttons name the filters from the catalogues: seeded, as the shell would have them.
  client.setQueryData(["catalogues", "token", locale()], catalogues);
  const session = { token: "token", sub: "test", role: "lan", orgs: [] };
  return render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>{await inRouter(node)}</SessionContext.Provider>
    </QueryClientProvider>,
  );
}

function firstColumn(): string[] {
  return screen
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("rowheader")[0]?.textContent ?? "");
}

function header(name: RegExp): HTMLElement {
  return screen.getByRole("columnheader", { name });
}

afterEach(cleanup);

describe("DataTable", () => {
  it("starts in the given order, and keeps suppressed counts last", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
        initialSort={{ id: "count", descending: true }}
      />,
    );
    expect(firstColumn()).toEqual(["Ängelholm", "Österåker", "Vallentuna", "Ale", "Åre"]);
    expect(header(/Antal ärenden/).getAttribute("aria-sort")).toBe("descending");
    expect(header(/Kommun/).getAttribute("aria-sort")).toBe("none");
  });

  it("sorts numbers by value both ways, '<k' last in either direction", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
      />,
    );
    expect(header(/Antal ärenden/).getAttribute("aria-sort")).toBe("none");
    const button = screen.getByRole("button", { name: /Antal ärenden/ });
    fireEvent.click(button);
    // A count column starts with the most.
    expect(header(/Antal ärenden/).getAttribute("aria-sort")).toBe("descending");
    expect(firstColumn()).toEqual(["Ängelholm", "Österåker", "Vallentuna", "Ale", "Åre"]);
    fireEvent.click(button);
    expect(header(/Antal ärenden/).getAttribute("aria-sort")).toBe("ascending");
    // 9 before 12 before 100: by value, not as text ("100" < "12" < "9").
    expect(firstColumn()).toEqual(["Vallentuna", "Österåker", "Ängelholm", "Ale", "Åre"]);
  });

  it("sorts names in Swedish order, one column at a time", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
        initialSort={{ id: "count", descending: true }}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: /Kommun/ }));
    expect(header(/Kommun/).getAttribute("aria-sort")).toBe("ascending");
    expect(header(/Antal ärenden/).getAttribute("aria-sort")).toBe("none");
    expect(firstColumn()).toEqual(["Ale", "Vallentuna", "Åre", "Ängelholm", "Österåker"]);
    fireEvent.click(screen.getByRole("button", { name: /Kommun/ }));
    expect(header(/Kommun/).getAttribute("aria-sort")).toBe("descending");
    expect(firstColumn()).toEqual(["Österåker", "Ängelholm", "Åre", "Vallentuna", "Ale"]);
  });

  it("says what '<k' means in the caption, and marks each with an explanation", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
        asOf="2025-06-30"
      />,
    );
    const caption = screen.getByRole("table").querySelector("caption")?.textContent ?? "";
    expect(caption).toMatch(/^Ärenden per kommun/);
    expect(caption).toMatch(/”..” betyder färre än 5 ärenden/);
    expect(caption).toMatch(/Per 2025-06-30\./);
    const suppressed = screen.getAllByTitle(/färre än 5 ärenden/);
    expect(suppressed.map((s) => s.textContent)).toEqual(["..", ".."]);
  });

  it("says 'lappar', not 'ärenden', where the counts are of a board's notes — caption, marks and export", async () => {
    const noteColumns: Column<Row>[] = [
      { id: "name", header: "Tema", cell: (r) => textCell(r.name) },
      {
        id: "count",
        header: "Förbättringsområden",
        cell: (r) => countCell(r.count, r.count === null, 5, "notes"),
      },
    ];
    await renderTable(
      <DataTable
        caption="Teman"
        columns={noteColumns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
        disclosure="cellkey"
        unit="notes"
      />,
    );
    const caption = screen.getByRole("table").querySelector("caption")?.textContent ?? "";
    expect(caption).toMatch(/”..” betyder färre än 5 lappar/);
    expect(screen.getAllByTitle(/färre än 5 lappar/)).toHaveLength(2);
    expect(screen.queryAllByTitle(/ärenden/)).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Exportera CSV" }));
    const [blob] = vi.mocked(download).mock.calls.at(-1) ?? [];
    const text = await (blob as Blob).text();
    expect(text).toMatch(/färre än 5 lappar/);
    expect(text).toMatch(/Samma lappar ger alltid samma antal/);
    expect(text).not.toMatch(/ärenden/);
  });

  it("exports the rows in the order shown, '<k' as written", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: /Kommun/ }));
    fireEvent.click(screen.getByRole("button", { name: "Exportera CSV" }));
    const [blob, name] = vi.mocked(download).mock.calls.at(-1) ?? [];
    expect(name).toMatch(/^samsyn-arenden-per-kommun-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await (blob as Blob).text()).split("\r\n");
    const table = lines.slice(lines.indexOf("Kommun,Antal ärenden"));
    expect(table.slice(0, 6)).toEqual([
      "Kommun,Antal ärenden",
      "Ale,..",
      "Vallentuna,9",
      "Åre,..",
      "Ängelholm,100",
      "Österåker,12",
    ]);
  });

  it("says in the export how the counts were protected, as the answer says", async () => {
    await renderTable(
      <DataTable
        caption="Ärenden per kommun"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.name}
        k={5}
        disclosure="cellkey"
      />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Exportera CSV" }));
    const [blob] = vi.mocked(download).mock.calls.at(-1) ?? [];
    const lines = (await (blob as Blob).text()).split("\r\n");
    expect(lines[1]).toBe("Omfattning: Hela länet");
    const notes = lines.slice(4, lines.indexOf(""));
    expect(notes).toEqual([
      expect.stringMatching(/”..” betyder färre än 5 ärenden/),
      expect.stringMatching(/^"?För att skydda enskilda kan varje antal avvika med högst 2/),
    ]);
  });

  it("adds no such line to a table without counts (a list of cases)", async () => {
    await renderTable(
      <DataTable caption="Ärenden" columns={columns} rows={rows} rowKey={(r) => r.name} />,
    );
    fireEvent.click(screen.getByRole("button", { name: "Exportera CSV" }));
    const [blob] = vi.mocked(download).mock.calls.at(-1) ?? [];
    const text = await (blob as Blob).text();
    expect(text).not.toMatch(/avvika|exakta/);
  });
});
