import { PermanentActionError } from "../../errors.ts";

/** What placeholders can name: the payload, the action, and (in a compensation) the result being undone. */
export type TemplateScope = {
  payload: Record<string, unknown>;
  action: { id: string; kind: string; idempotency_key: string };
  result?: { external_id: string | null; response?: unknown } | undefined;
};

const DOUBLE = /\{\{\s*([A-Za-z0-9_$.-]+)\s*\}\}/g;
const ONLY_DOUBLE = /^\{\{\s*([A-Za-z0-9_$.-]+)\s*\}\}$/;
const PATH_PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$.-]+)\s*\}\}|\{([A-Za-z0-9_$.-]+)\}/g;

function dig(value: unknown, path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function invalid(where: string, message: string): PermanentActionError {
  return new PermanentActionError("template_invalid", `${where}: ${message}`, { details: [{ path: where, message }] });
}

/** `payload.order.number`, `action.idempotency_key`, `result.external_id`. */
function lookup(expression: string, scope: TemplateScope, where: string): unknown {
  const [root, ...rest] = expression.split(".");
  if (root !== "payload" && root !== "action" && root !== "result") {
    throw invalid(where, `{{${expression}}} must start with payload., action. or result.`);
  }
  if (root === "result" && !scope.result) throw invalid(where, `{{${expression}}} is only known when undoing a write`);
  const value = dig(scope[root], rest);
  if (value === undefined || value === null) throw invalid(where, `{{${expression}}} has no value`);
  return value;
}

function asText(value: unknown, expression: string, where: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalid(where, `{{${expression}}} is ${Array.isArray(value) ? "a list" : "an object"}, not a single value`);
}

/**
 * Fills a path: `{order_number}` is the payload's field (a dot path reaches inside it), and in a
 * compensation `{external_id}` is the id the target gave the write being undone; `{{payload.x}}`
 * works too. Each value is URL-encoded.
 */
export function renderPath(template: string, scope: TemplateScope, where: string): string {
  return template.replace(PATH_PLACEHOLDER, (_whole, double: string | undefined, single: string | undefined) => {
    let expression = double;
    if (!expression) expression = single === "external_id" && scope.result ? "result.external_id" : `payload.${single}`;
    return encodeURIComponent(asText(lookup(expression, scope, where), expression, where));
  });
}

/**
 * Fills a JSON body template: each string holding `{{…}}` placeholders is filled in; a string
 * that is exactly one placeholder becomes the value itself, whatever its type.
 */
export function renderBody(template: unknown, scope: TemplateScope, where: string): unknown {
  if (typeof template === "string") {
    const only = ONLY_DOUBLE.exec(template);
    if (only?.[1]) return lookup(only[1], scope, where);
    return template.replace(DOUBLE, (_whole, expression: string) => asText(lookup(expression, scope, where), expression, where));
  }
  if (Array.isArray(template)) return template.map((item, index) => renderBody(item, scope, `${where}.${index}`));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, renderBody(value, scope, `${where}.${key}`)]));
  }
  return template;
}
