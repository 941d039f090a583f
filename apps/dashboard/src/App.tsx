import { t } from "@samsyn/domain/messages";
import { useEffect, useState } from "react";

interface Health {
  status: "ok";
  database: "postgres" | "pglite";
  counts: { organisations: number; units: number; cases: number; events: number };
}

type Load = { state: "loading" } | { state: "error" } | { state: "ok"; health: Health };

const number = new Intl.NumberFormat("sv-SE");

/** The dashboard shell: the pages arrive with the metrics API; for now, what the county holds. */
export function App() {
  const [load, setLoad] = useState<Load>({ state: "loading" });

  useEffect(() => {
    fetch("/api/v1/health")
      .then((r) =>
        r.ok ? (r.json() as Promise<Health>) : Promise.reject(new Error(String(r.status))),
      )
      .then((health) => setLoad({ state: "ok", health }))
      .catch(() => setLoad({ state: "error" }));
  }, []);

  return (
    <>
      <header className="banner">
        <h1>{t("app.name")}</h1>
        <p>{t("app.tagline")}</p>
      </header>
      <main id="main">
        <h2>{t("dashboard.overview")}</h2>
        {load.state === "loading" && <p aria-live="polite">{t("dashboard.loading")}</p>}
        {load.state === "error" && <p role="alert">{t("dashboard.error")}</p>}
        {load.state === "ok" && (
          <table>
            <caption>{t("dashboard.holdings_caption")}</caption>
            <tbody>
              <tr>
                <th scope="row">{t("dashboard.organisations")}</th>
                <td>{number.format(load.health.counts.organisations)}</td>
              </tr>
              <tr>
                <th scope="row">{t("dashboard.units")}</th>
                <td>{number.format(load.health.counts.units)}</td>
              </tr>
              <tr>
                <th scope="row">{t("dashboard.cases")}</th>
                <td data-testid="case-count">{number.format(load.health.counts.cases)}</td>
              </tr>
              <tr>
                <th scope="row">{t("dashboard.events")}</th>
                <td>{number.format(load.health.counts.events)}</td>
              </tr>
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
