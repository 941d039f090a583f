/**
 * The URL's search params as the router's search object, in the form bookmarks and the e2e
 * tests use: plain `key=value` pairs, a repeated key for several values
 * (`municipality=0180&municipality=0182`). The router's default would write JSON
 * (`municipality=%5B%220180%22%5D`) and read `0180` as the number 180.
 */
export type SearchValue = string | readonly string[];
export type RawSearch = Record<string, SearchValue>;

/** `?a=1&b=2&b=3` → `{ a: "1", b: ["2", "3"] }`; every value stays a string. */
export function parseSearch(searchStr: string): RawSearch {
  const search: Record<string, SearchValue> = {};
  for (const [key, value] of new URLSearchParams(searchStr)) {
    const seen = search[key];
    search[key] =
      seen === undefined ? value : [...(typeof seen === "string" ? [seen] : seen), value];
  }
  return search;
}

/** The inverse of parseSearch, keys in the object's order; unset values and empty lists are left out. */
export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string" || typeof v === "number") params.append(key, String(v));
    }
  }
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

/** A change to some search params: a value sets it, null removes it; the others are kept. */
export type SearchChanges = Readonly<Record<string, SearchValue | null>>;

export function withChanges<S extends Record<string, unknown>>(
  search: S,
  changes: SearchChanges,
): S {
  const next: Record<string, unknown> = { ...search };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next as S;
}
