/**
 * The signed-in session: the bearer token lives in sessionStorage (gone when the tab closes)
 * and goes with every API call. A 401 ends the session.
 */
const key = "samsyn.token";

export interface Session {
  readonly token: string;
  readonly sub: string;
  readonly role: string;
  readonly orgs: readonly string[];
}

export function storedToken(): string | null {
  return sessionStorage.getItem(key);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(key);
  else sessionStorage.setItem(key, token);
}

export async function apiGet<T>(path: string, token: string): Promise<T> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new ApiFailure(res.status, await errorDetails(res));
  return (await res.json()) as T;
}

export async function devSignIn(
  role: string,
  orgs: readonly string[],
  sub?: string,
): Promise<string> {
  const res = await fetch("/api/v1/dev/sign-in", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(sub === undefined ? { role, orgs } : { role, orgs, sub }),
  });
  if (!res.ok) throw new ApiFailure(res.status);
  return ((await res.json()) as { token: string }).token;
}

/** The API's error details (SPEC error shape), joined for the user; empty if there are none. */
export async function errorDetails(res: { json(): Promise<unknown> }): Promise<string> {
  try {
    const body = (await res.json()) as {
      error?: { message?: string; details?: { message: string }[] };
    };
    const details = body.error?.details?.map((d) => d.message) ?? [];
    return (details.length > 0 ? details : [body.error?.message ?? ""]).join(" ");
  } catch {
    return "";
  }
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly details = "",
  ) {
    super(`HTTP ${status}`);
  }
}
