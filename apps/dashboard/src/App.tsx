import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useCallback, useEffect, useRef, useState } from "react";
import { answer, apiClient } from "./api/client";
import { SessionContext } from "./api/queries";
import { DevSignIn } from "./DevSignIn";
import { locale, switchLocale, t } from "./lib/i18n";
import { roleName } from "./lib/roles";
import { createAppRouter } from "./router/router";
import { ApiFailure, type Session, storedToken, storeToken } from "./session";

/** The dashboard: sign-in, then the router with the shell and its pages. A 401 anywhere ends the session. */
export function App() {
  const [session, setSession] = useState<Session | null | "checking">("checking");

  const signIn = useCallback((token: string | null) => {
    storeToken(token);
    if (token === null) {
      setSession(null);
      return;
    }
    answer(apiClient(token).me.$get())
      .then((me) => setSession({ ...me, token }))
      .catch(() => {
        storeToken(null);
        setSession(null);
      });
  }, []);
  const signOut = useCallback(() => signIn(null), [signIn]);
  const queryClient = useQueryClient(signOut);
  const [router] = useState(() => createAppRouter());

  useEffect(() => signIn(storedToken()), [signIn]);

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
          <DevSignIn onSignedIn={signIn} />
        </main>
      )}
      {session !== null && session !== "checking" && (
        <SessionContext.Provider value={session}>
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
