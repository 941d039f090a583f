import { type FormEvent, useEffect, useId, useState } from "react";
import { answer, apiClient } from "./api/client";
import type { Catalogues } from "./api/types";
import { t } from "./lib/i18n";
import { ApiFailure, devSignIn } from "./session";

type Organisation = Catalogues["organisations"][number];

const roleKeys = {
  samordnare: "signin.role.samordnare",
  ledning: "signin.role.ledning",
  lan: "signin.role.lan",
  admin: "signin.role.admin",
} as const;
type Role = keyof typeof roleKeys;

/**
 * AUTH_MODE=dev only: pick a role and organisations and get a token. Clearly marked, since
 * in production sign-in goes through the county's identity provider (OIDC) instead.
 */
export function DevSignIn({ onSignedIn }: { onSignedIn: (token: string) => void }) {
  const [organisations, setOrganisations] = useState<Organisation[] | "unavailable" | null>(null);
  const [role, setRole] = useState<Role>("samordnare");
  const [orgs, setOrgs] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);
  const headingId = useId();

  useEffect(() => {
    // The organisation list needs a token too: borrow a länsgrupp token just to read it.
    devSignIn("lan", [])
      .then((token) => answer(apiClient(token).organisations.$get()))
      .then((res) => setOrganisations(res.items))
      .catch((err: unknown) => {
        setOrganisations(err instanceof ApiFailure && err.status === 404 ? "unavailable" : []);
      });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(false);
    try {
      onSignedIn(await devSignIn(role, orgs));
    } catch {
      setFailed(true);
    }
  }

  if (organisations === "unavailable") return <p>{t("signin.oidc_only")}</p>;
  return (
    <section className="dev-signin" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("signin.dev_heading")}</h2>
      <p className="dev-warning">{t("signin.dev_warning")}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t("signin.role")}</legend>
          {(Object.keys(roleKeys) as Role[]).map((r) => (
            <label key={r} className="choice">
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />
              {t(roleKeys[r])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("signin.organisations")}</legend>
          {organisations === null && <p aria-live="polite">{t("dashboard.loading")}</p>}
          <div className="org-list">
            {Array.isArray(organisations) &&
              organisations.map((o) => (
                <label key={o.code} className="choice">
                  <input
                    type="checkbox"
                    value={o.code}
                    checked={orgs.includes(o.code)}
                    onChange={(e) =>
                      setOrgs(
                        e.target.checked ? [...orgs, o.code] : orgs.filter((c) => c !== o.code),
                      )
                    }
                  />
                  {o.name}
                </label>
              ))}
          </div>
        </fieldset>
        {failed && <p role="alert">{t("signin.failed")}</p>}
        <button type="submit">{t("signin.submit")}</button>
      </form>
    </section>
  );
}
