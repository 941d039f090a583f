import { type FormEvent, type KeyboardEvent, useEffect, useId, useMemo, useState } from "react";
import { answer, apiClient } from "./api/client";
import type { Catalogues, Named } from "./api/types";
import { locale, t } from "./lib/i18n";
import { groupOrganisations } from "./lib/org-picker";
import { roleName, type SignInRole, signInRoles } from "./lib/roles";
import { ApiFailure, devSignIn } from "./session";
import "./dev-signin.css";

type Organisation = Catalogues["organisations"][number];

interface PickerData {
  readonly organisations: readonly Organisation[];
  readonly principalTypes: readonly Named[];
}

/**
 * AUTH_MODE=dev only: pick a role and organisations and get a token. Clearly marked, since
 * in production sign-in goes through the county's identity provider (OIDC) instead.
 *
 * The county has about a hundred organisations: they are searchable and grouped by principal
 * type, the chosen ones sit as removable chips above "Logga in", and the list comes after the
 * button, so a keyboard user reaches "Logga in" in a few Tabs instead of through every box.
 */
export function DevSignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [data, setData] = useState<PickerData | "unavailable" | null>(null);
  const [role, setRole] = useState<SignInRole>("samordnare");
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [query, setQuery] = useState("");
  const [failed, setFailed] = useState(false);
  const ids = { heading: useId(), search: useId(), hint: useId(), chosen: useId() };

  useEffect(() => {
    // The organisation list needs a token too: borrow a länsgrupp token just to read it.
    devSignIn("lan", [])
      .then((token) => {
        const api = apiClient(token);
        return Promise.all([
          answer(api.organisations.$get()),
          answer(api.catalogues.$get({ query: { locale: locale() } })),
        ]);
      })
      .then(([organisations, catalogues]) =>
        setData({
          organisations: organisations.items,
          principalTypes: catalogues.principalTypes,
        }),
      )
      .catch((err: unknown) => {
        setData(
          err instanceof ApiFailure && err.status === 404
            ? "unavailable"
            : { organisations: [], principalTypes: [] },
        );
      });
  }, []);

  const organisations = data === null || data === "unavailable" ? [] : data.organisations;
  const groups = useMemo(
    () =>
      data === null || data === "unavailable"
        ? []
        : groupOrganisations(data.organisations, data.principalTypes, query),
    [data, query],
  );
  const shown = groups.reduce((sum, g) => sum + g.organisations.length, 0);

  function toggle(code: string, on: boolean) {
    setChosen((now) =>
      on ? [...now.filter((c) => c !== code), code] : now.filter((c) => c !== code),
    );
  }

  // Enter in the search chooses the one organisation that matches; it never signs in by accident.
  function searchKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const only = groups.length === 1 ? groups[0]?.organisations : undefined;
    if (only?.length === 1 && only[0] !== undefined) {
      toggle(only[0].code, true);
      setQuery("");
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(false);
    try {
      onSignedIn(await devSignIn(role, chosen));
    } catch {
      setFailed(true);
    }
  }

  if (data === "unavailable") return <p>{t("signin.oidc_only")}</p>;
  const nameOf = (code: string) => organisations.find((o) => o.code === code)?.name ?? code;
  return (
    <section className="dev-signin" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t("signin.dev_heading")}</h2>
      <p className="dev-warning">{t("signin.dev_warning")}</p>
      <form onSubmit={submit}>
        <fieldset className="roles">
          <legend>{t("signin.role")}</legend>
          {signInRoles.map((r) => (
            <label key={r} className="choice">
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              {roleName(r)}
            </label>
          ))}
        </fieldset>
        <div className="field org-search">
          <label htmlFor={ids.search}>{t("signin.org_search")}</label>
          <input
            id={ids.search}
            type="search"
            name="orgSearch"
            autoComplete="off"
            value={query}
            aria-describedby={ids.hint}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={searchKey}
          />
          <p id={ids.hint} className="hint" aria-live="polite">
            {data === null
              ? t("dashboard.loading")
              : shown === 0 && query.trim() !== ""
                ? t("signin.org_none_found", { query: query.trim() })
                : t("signin.org_search_hint", { shown, total: organisations.length })}
          </p>
        </div>
        <div className="chosen">
          <p id={ids.chosen} className="chosen-label">
            {t("signin.chosen")}
          </p>
          {chosen.length === 0 ? (
            <p className="hint">{t("signin.chosen_none")}</p>
          ) : (
            <ul className="chips" aria-labelledby={ids.chosen}>
              {chosen.map((code) => (
                <li key={code}>
                  <button
                    type="button"
                    className="chip"
                    aria-label={t("signin.chosen_remove", { name: nameOf(code) })}
                    onClick={() => toggle(code, false)}
                  >
                    {nameOf(code)}
                    <span aria-hidden="true"> ×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {failed && <p role="alert">{t("signin.failed")}</p>}
        <button type="submit" className="primary">
          {t("signin.submit")}
        </button>
        <fieldset className="org-groups">
          <legend>{t("signin.organisations")}</legend>
          <div className="org-scroll">
            {groups.map((g) => (
              <fieldset key={g.principalType} className="org-group">
                <legend>
                  {g.name}{" "}
                  <span className="count">
                    {t("signin.org_count", { count: g.organisations.length })}
                  </span>
                </legend>
                <div className="org-list">
                  {g.organisations.map((o) => (
                    <label key={o.code} className="choice">
                      <input
                        type="checkbox"
                        name="orgs"
                        value={o.code}
                        checked={chosen.includes(o.code)}
                        onChange={(e) => toggle(o.code, e.target.checked)}
                      />
                      <span>
                        {o.name} <span className="code">{o.code}</span>
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
        </fieldset>
      </form>
    </section>
  );
}
