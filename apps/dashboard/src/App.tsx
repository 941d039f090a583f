import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useCallback, useEffect, useRef, useState } from "react";
import { answer, apiClient } from "./api/client";
import { SessionContext } from "./api/queries";
import { DevSignIn } from "./DevSignIn";
import { locale, switchLocale, t } from "./lib/i18n";
import { roleName } from "./lib/roles";
import { OidcSignIn } from "./OidcSignIn";
import { createAppRouter } from "./router/router";
import {
  ApiFailure,
  noticeOnArrival,
  providerSignOut,
  type Session,
  type SignInMode,
  type SignInNotice,
  signInState,
  storedToken,
  storeToken,
} from "./session";

/**
 * The dashboard: sign-in, then the shell with its pages. Which sign-in the server asks for
 * decides the gate: the developer form (AUTH_MODE=dev) or the identity provider (oidc). A 401
 * anywhere ends the session; at the provider's sign-in the user is asked to sign in again on
 * the page they were on.
 */
export function App() {
  const [session, setSession] = useState<Session | null | "checking">("checking");
  const [mode, setMode] = useState<SignInMode>("dev");
  const [notice, setNotice] = useState<SignInNotice | null>(null);

  // `keep`: a dev token is kept for the tab; a CSRF token lives with the cookie and is asked for.
  const signIn = useCallback((token: string | null, keep = true) => {
    if (keep) storeToken(token);
    if (token === null) {
      setSession(null);
      return;
    }
    answer(apiClient(token).me.$get())
      .then((me) => setSession({ ...me, token }))
      .catch(() => {
        if (keep) storeToken(null);
        setSession(null);
      });
  }, []);
  const sessionEnded = useCallback(() => {
    if (mode === "oidc") {
      setNotice("expired");
      setSession(null);
    } else signIn(null);
  }, [mode, signIn]);
  const signOut = useCallback(() => {
    if (mode !== "oidc" || session === null || session === "checking") {
      signIn(null);
      return;
    }
    providerSignOut(session.token)
      .then((location) => window.location.assign(location))
      .catch(() => setNotice("sign_out_failed"));
  }, [mode, session, signIn]);
  const queryClient = useQueryClient(sessionEnded);
  const [router] = useState(() => createAppRouter());

  useEffect(() => {
    const { problem, signedOut } = noticeOnArrival();
    signInState()
      .then((state) => {
        if (state.mode === "dev") {
          resumeDevSession();
          return;
        }
        setMode("oidc");
        if (state.session !== null) {
          signIn(state.session.csrf, false);
          return;
        }
        const ended = state.ended === "expired" ? "expired" : null;
        setNotice(problem ?? ended ?? (signedOut ? "signed_out" : null));
        setSession(null);
      })
      // A server without /auth (an older build): the developer sign-in, as before.
      .catch(() => resumeDevSession());
    // A tab with no token yet shows the form without touching storage: clearing it here would
    // race a token stored meanwhile (by another part of the page, or a test) and lose it.
    function resumeDevSession() {
      const token = storedToken();
      if (token === null) setSession(null);
      else signIn(token);
    }
  }, [signIn]);

  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        {t("shell.skip_to_content")}
      </a>
      <header className="banner">
        <div>
          <p className="app-name">{t("app.name")}</p>
          <p>{t("app.tagline")}</p>
        </div>
        <LanguageSwitch />
        {session !== null && session !== "checking" && (
          <div className="who">
            {mode === "dev" && <span className="dev-mode-badge">{t("signin.dev_mode_badge")}</span>}
            <span>
              {t("signin.signed_in_as", { sub: session.sub, role: roleName(session.role) })}
            </span>
            <button type="button" onClick={signOut}>
              {t("signin.sign_out")}
            </button>
          </div>
        )}
      </header>
      {session === null && (
        <main id="main" tabIndex={-1}>
          {mode === "oidc" ? <OidcSignIn notice={notice} /> : <DevSignIn onSignedIn={signIn} />}
        </main>
      )}
      {session !== null && session !== "checking" && (
        <SessionContext.Provider value={session}>
          {notice === "sign_out_failed" && (
            <p role="alert" className="signin-problem">
              {t("signin.sign_out_failed")}
            </p>
          )}
          <RouterProvider router={router} />
        </SessionContext.Provider>
      )}
    </QueryClientProvider>
  );
}

function useQueryClient(onUnauthorised: () => void): QueryClient {
  const handler = useRef(onUnauthorised);
  handler.current = onUnauthorised;
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({
          onError: (error) => {
            if (error instanceof ApiFailure && error.status === 401) handler.current();
          },
        }),
        defaultOptions: {
          queries: {
            retry: (count, error) =>
              !(error instanceof ApiFailure && error.status < 500) && count < 2,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return client;
}

/** Offered in the other language, and marked as such for screen readers (WCAG 3.1.2). */
function LanguageSwitch() {
  const other = locale() === "sv" ? "en" : "sv";
  return (
    <button type="button" lang={other} className="language" onClick={() => switchLocale(other)}>
      {t("shell.language_switch")}
    </button>
  );
}
