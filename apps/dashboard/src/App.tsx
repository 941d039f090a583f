import { t } from "@samsyn/domain/messages";
import { useCallback, useEffect, useState } from "react";
import { DevSignIn } from "./DevSignIn";
import { ApiFailure, apiGet, type Session, storedToken, storeToken } from "./session";

interface Health {
  status: "ok";
  database: "postgres" | "pglite";
  counts: { organisations: number; units: number; cases: number; events: number };
}

type Load<T> = { state: "loading" } | { state: "error" } | { state: "ok"; value: T };

const number = new Intl.NumberFormat("sv-SE");

/** The dashboard shell: sign-in, then what the county holds. The pages arrive with the metrics. */
export function App() {
  const [session, setSession] = useState<Session | null | "checking">("checking");

  const signIn = useCallback((token: string | null) => {
    storeToken(token);
    if (token === null) {
      setSession(null);
      return;
    }
    apiGet<Omit<Session, "token">>("/api/v1/me", token)
      .then((me) => setSession({ ...me, token }))
      .catch(() => {
        storeToken(null);
        setSession(null);
      });
  }, []);
  const signOut = useCallback(() => signIn(null), [signIn]);

  useEffect(() => signIn(storedToken()), [signIn]);

  return (
    <>
      <header className="banner">
        <div>
          <h1>{t("app.name")}</h1>
          <p>{t("app.tagline")}</p>
        </div>
        {session !== null && session !== "checking" && (
          <div className="who">
            <span>{t("signin.signed_in_as", { sub: session.sub, role: session.role })}</span>
            <button type="button" onClick={signOut}>
              {t("signin.sign_out")}
            </button>
          </div>
        )}
      </header>
      <main id="main">
        {session === null && <DevSignIn onSignedIn={signIn} />}
        {session !== null && session !== "checking" && <Holdings onUnauthorised={signOut} />}
      </main>
    </>
  );
}

function Holdings({ onUnauthorised }: { onUnauthorised: () => void }) {
  const [load, setLoad] = useState<Load<Health>>({ state: "loading" });

  useEffect(() => {
    fetch("/api/v1/health")
      .then((r) =>
        r.ok ? (r.json() as Promise<Health>) : Promise.reject(new ApiFailure(r.status)),
      )
      .then((value) => setLoad({ state: "ok", value }))
      .catch((err: unknown) => {
        if (err instanceof ApiFailure && err.status === 401) onUnauthorised();
        else setLoad({ state: "error" });
      });
  }, [onUnauthorised]);

  return (
    <>
      <h2>{t("dashboard.overview")}</h2>
      {load.state === "loading" && <p aria-live="polite">{t("dashboard.loading")}</p>}
      {load.state === "error" && <p role="alert">{t("dashboard.error")}</p>}
      {load.state === "ok" && (
        <table>
          <caption>{t("dashboard.holdings_caption")}</caption>
          <tbody>
            <tr>
              <th scope="row">{t("dashboard.organisations")}</th>
              <td>{number.format(load.value.counts.organisations)}</td>
            </tr>
            <tr>
              <th scope="row">{t("dashboard.units")}</th>
              <td>{number.format(load.value.counts.units)}</td>
            </tr>
            <tr>
              <th scope="row">{t("dashboard.cases")}</th>
              <td data-testid="case-count">{number.format(load.value.counts.cases)}</td>
            </tr>
            <tr>
              <th scope="row">{t("dashboard.events")}</th>
              <td>{number.format(load.value.counts.events)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </>
  );
}
