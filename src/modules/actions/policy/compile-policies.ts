import type { PolicyIssue } from "../contract/index.ts";
import { CEDAR_SCHEMA, checkParsePolicySet, type DetailedError, policySetTextToParts, policyToJson, validate } from "./cedar.ts";
import { lineColumnAt, lineColumnOfByte } from "./source-location.ts";

/** Policy text made ready to evaluate: each policy under its @id, with its effect and its @reason. */
export type CompiledPolicies = {
  policies: Record<string, string>;
  effects: Record<string, "permit" | "forbid">;
  reasons: Record<string, string>;
};

export type CompileResult = { ok: true; compiled: CompiledPolicies } | { ok: false; issues: PolicyIssue[] };

const POLICY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

function issue(
  text: string,
  message: string,
  at: { byte?: number; index?: number },
  extra: Partial<PolicyIssue> = {},
): PolicyIssue {
  const place =
    at.byte !== undefined ? lineColumnOfByte(text, at.byte) : at.index !== undefined ? lineColumnAt(text, at.index) : null;
  return {
    path: "text",
    message,
    line: place?.line ?? null,
    column: place?.column ?? null,
    help: null,
    policy_id: null,
    ...extra,
  };
}

/** One issue per source location of a Cedar error (or one without a place when it names none). */
function fromCedar(text: string, error: DetailedError, policyIds: string[] = [], policyRef?: string): PolicyIssue[] {
  // Cedar names policies policy0, policy1… in the order of the text; people know them by @id.
  const rename = (value: string) =>
    value.replace(/`?\bpolicy(\d+)\b`?/g, (whole, n: string) => (policyIds[Number(n)] ? `\`${policyIds[Number(n)]}\`` : whole));
  const policyIndex = /^policy(\d+)$/.exec(policyRef ?? "")?.[1] ?? /\bpolicy(\d+)\b/.exec(error.message)?.[1];
  const policyId = policyIndex !== undefined ? (policyIds[Number(policyIndex)] ?? null) : null;
  const locations = error.sourceLocations ?? [];
  const message = rename(error.message);
  const help = error.help ? rename(error.help) : null;
  if (locations.length === 0) return [issue(text, message, {}, { help, policy_id: policyId })];
  return locations.map((location) =>
    issue(
      text,
      location.label ? `${message} (${location.label})` : message,
      { byte: location.start },
      { help, policy_id: policyId },
    ),
  );
}

/** Cedar reports a mistake once per action it applies to; people need it once. */
function distinct(issues: PolicyIssue[]): PolicyIssue[] {
  const seen = new Set<string>();
  return issues.filter((found) => {
    const key = [found.line, found.column, found.policy_id, found.message.replace(/Crossdock::Action::"[^"]+"/g, "")].join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Parses policy text, requires an @id on every policy (unique, so decisions and the audit trail can
 * name it), and validates it against Crossdock's schema. Every problem comes back with its line and
 * column, counted in characters.
 */
export function compilePolicies(text: string): CompileResult {
  const parsed = checkParsePolicySet({ staticPolicies: text });
  if (parsed.type === "failure") return { ok: false, issues: parsed.errors.flatMap((error) => fromCedar(text, error)) };
  const parts = policySetTextToParts(text);
  if (parts.type === "failure") return { ok: false, issues: parts.errors.flatMap((error) => fromCedar(text, error)) };

  const issues: PolicyIssue[] = [];
  const ids: string[] = [];
  const compiled: CompiledPolicies = { policies: {}, effects: {}, reasons: {} };
  let searchFrom = 0;
  for (const template of parts.policy_templates) {
    issues.push(
      issue(text, "templates (policies with ?principal or ?resource) are not supported here", { index: text.indexOf(template) }),
    );
  }
  for (const [index, part] of parts.policies.entries()) {
    const found = text.indexOf(part, searchFrom);
    const at = found === -1 ? {} : { index: found };
    if (found !== -1) searchFrom = found + part.length;
    const json = policyToJson(part);
    if (json.type === "failure") {
      issues.push(...json.errors.map((error) => issue(text, error.message, at)));
      continue;
    }
    const annotations = json.json.annotations ?? {};
    const id = annotations.id;
    ids.push(id ?? `policy${index}`);
    if (!id) {
      issues.push(issue(text, `policy ${index + 1} has no @id("…") annotation; every policy needs one`, at));
    } else if (!POLICY_ID.test(id)) {
      issues.push(
        issue(text, `@id("${id}") must be 1–100 letters, digits, . _ : or -, starting with a letter or digit`, at, {
          policy_id: id,
        }),
      );
    } else if (id in compiled.policies) {
      issues.push(issue(text, `@id("${id}") is used by more than one policy`, at, { policy_id: id }));
    } else {
      compiled.policies[id] = part;
      compiled.effects[id] = json.json.effect;
      if (annotations.reason) compiled.reasons[id] = annotations.reason;
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const validation = validate({
    schema: CEDAR_SCHEMA,
    policies: { staticPolicies: text },
    validationSettings: { mode: "strict" },
  });
  if (validation.type === "failure") {
    return { ok: false, issues: validation.errors.flatMap((error) => fromCedar(text, error, ids)) };
  }
  const invalid = validation.validationErrors.flatMap((found) => fromCedar(text, found.error, ids, found.policyId));
  return invalid.length > 0 ? { ok: false, issues: distinct(invalid) } : { ok: true, compiled };
}
