import type { MessageKey } from "@samsyn/domain/messages";
import { useId } from "react";
import { t } from "./lib/i18n";
import { type SignInNotice, signInHref } from "./session";
import "./sign-in.css";

const noticeText: Record<SignInNotice, MessageKey> = {
  provider_unavailable: "signin.error.provider_unavailable",
  failed: "signin.error.failed",
  no_role: "signin.error.no_role",
  no_organisation: "signin.error.no_organisation",
  not_configured: "signin.error.not_configured",
  expired: "signin.session_expired",
  signed_out: "signin.signed_out",
  sign_out_failed: "signin.sign_out_failed",
};

/**
 * AUTH_MODE=oidc: sign-in happens at the organisation's identity provider. "Logga in" leaves for
 * the provider and comes back to this very page (an expired session keeps the user's place).
 */
export function OidcSignIn({ notice }: { notice: SignInNotice | null }) {
  const heading = useId();
  const problem = notice !== null && notice !== "signed_out";
  return (
    <section className="oidc-signin" aria-labelledby={heading}>
      <h1 id={heading}>{t("signin.oidc_heading")}</h1>
      {notice !== null && (
        <p role={problem ? "alert" : "status"} className={problem ? "signin-problem" : undefined}>
          {t(noticeText[notice])}
        </p>
      )}
      <p>{t("signin.oidc_intro")}</p>
      <a className="signin-button" href={signInHref()}>
        {notice === "expired" ? t("signin.sign_in_again") : t("signin.submit")}
      </a>
    </section>
  );
}
