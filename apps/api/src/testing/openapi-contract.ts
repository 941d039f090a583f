import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/** The parts of an OpenAPI 3.1 document that a contract check reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

interface MediaTypes {
  readonly content?: Record<string, { readonly schema?: unknown }>;
}

export interface OpenApiOperation {
  readonly operationId?: string;
  readonly requestBody?: MediaTypes;
  readonly responses: Record<string, MediaTypes>;
}

/** "GET /api/v1/cases/{id}" for every operation of the document. */
export function operationKeys(doc: OpenApiDocument): string[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/**
 * Checks requests and responses against the document's own JSON Schemas (draft 2020-12, as
 * OpenAPI 3.1 says), the way a client generated from it would see them: a status the operation
 * does not document, a media type it does not list, or a body its schema refuses is a problem.
 */
export function createContract(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // OpenAPI's own annotation beside JSON Schema's `examples`.
  ajv.addVocabulary(["example"]);
  ajv.addSchema({ $id: "components", $defs: componentRefs(doc.components.schemas) });
  const compiled = new Map<string, ValidateFunction>();

  function validator(key: string, schema: unknown): ValidateFunction {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile(componentRefs(schema) as object);
      compiled.set(key, validate);
    }
    return validate;
  }

  function operation(key: string): OpenApiOperation | undefined {
    const [method = "", path = ""] = key.split(" ");
    return doc.paths[path]?.[method.toLowerCase()];
  }

  function check(key: string, what: string, media: MediaTypes, type: string, body: unknown) {
    const schema = media.content?.[type]?.schema;
    if (schema === undefined) {
      const listed = Object.keys(media.content ?? {}).join(", ") || "none";
      return [`${key} ${what}: ${type} is not documented (${listed})`];
    }
    const validate = validator(`${key} ${what} ${type}`, schema);
    return validate(body) ? [] : [`${key} ${what}: ${ajv.errorsText(validate.errors)}`];
  }

  return {
    /** Problems with a JSON request body `body` sent to operation `key`. */
    checkRequest(key: string, body: unknown): string[] {
      const op = operation(key);
      if (op === undefined) return [`${key}: not in the document`];
      if (op.requestBody === undefined) return [`${key}: documents no request body`];
      return check(key, "request", op.requestBody, "application/json", body);
    },

    /** Problems with `res` as an answer of operation `key`; reads the body. */
    async checkResponse(key: string, res: Response): Promise<string[]> {
      const op = operation(key);
      if (op === undefined) return [`${key}: not in the document`];
      const documented = op.responses[String(res.status)];
      if (documented === undefined) {
        return [`${key} → ${res.status}: status not documented (${await res.text()})`];
      }
      const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      const text = type === "text/event-stream" ? await firstMessage(res) : await res.text();
      const body = type === "application/json" ? (JSON.parse(text) as unknown) : text;
      return check(key, `→ ${res.status}`, documented, type, body);
    },
  };
}

export type Contract = ReturnType<typeof createContract>;

/**
 * An event stream does not end by itself: its first message (what a client sees on connecting)
 * is what is checked, and the stream is hung up after it.
 */
async function firstMessage(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (reader === undefined) return "";
  const decoder = new TextDecoder();
  let text = "";
  while (!text.includes("\n\n")) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** `#/components/schemas/X` → `components#/$defs/X`: the refs as ajv finds them. */
function componentRefs(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"#/components/schemas/', '"components#/$defs/'),
  );
}
