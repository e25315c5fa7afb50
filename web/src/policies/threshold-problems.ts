import { APPROVER_ROLES, type PolicyIssue } from "../contract.ts";
import { isRecord, thresholdRows } from "./threshold-edits.ts";
import { moneyText, percentText } from "./threshold-values.ts";

/** The most tiers and list entries a kind may have, and the longest name in a list (as the server checks). */
const MAX_TIERS = 10;
const MAX_NAMES = 100;
const MAX_NAME_LENGTH = 60;

const issue = (path: string, message: string): PolicyIssue => ({
  path,
  message,
  line: null,
  column: null,
  help: null,
  policy_id: null,
});

/** What is wrong with an amount in cents, in words for the form (and for the JSON); null when nothing. */
function moneyProblem(value: unknown, blank: string): string | null {
  if (value === null) return null;
  if (typeof value === "string") return `"${value}" is not an amount: enter one like 5000.00, or leave it blank for ${blank}`;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    return `not an amount: in the JSON, a whole number of cents from 0 up (or null for ${blank})`;
  }
  return null;
}

function confidenceProblem(value: unknown): string | null {
  if (typeof value === "number" && value >= 0 && value <= 1) return null;
  if (value === "") return "required: enter a percentage from 0 to 100";
  if (typeof value === "number")
    return `${percentText.format(value)}% is out of range: enter a percentage from 0 to 100 (0 to 1 in the JSON)`;
  return `"${percentText.format(value)}" is not a percentage: enter a number from 0 to 100`;
}

function tierProblems(tiers: unknown[], path: string): PolicyIssue[] {
  if (tiers.length === 0) return [issue(path, "add at least one approver tier")];
  const found = tiers.length > MAX_TIERS ? [issue(path, `at most ${MAX_TIERS} tiers`)] : [];
  let previous: number | null = null;
  tiers.forEach((tier, index) => {
    if (!isRecord(tier)) return;
    const at = `${path}.${index}`;
    if (typeof tier.role !== "string" || !(APPROVER_ROLES as readonly string[]).includes(tier.role)) {
      found.push(issue(`${at}.role`, `pick a role that approves writes (${APPROVER_ROLES.join(", ")})`));
    }
    const amount = moneyProblem(tier.max_minor, "any amount");
    if (amount) found.push(issue(`${at}.max_minor`, amount));
    else if (tier.max_minor === null && index < tiers.length - 1) {
      found.push(issue(`${at}.max_minor`, "enter an amount: only the last tier may cover any amount"));
    } else if (typeof tier.max_minor === "number" && previous !== null && tier.max_minor <= previous) {
      found.push(
        issue(`${at}.max_minor`, `must be more than the tier before (${moneyText.format(previous)}): tiers go up in amount`),
      );
    }
    if (typeof tier.max_minor === "number") previous = tier.max_minor;
  });
  return found;
}

function namesProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  if (value.length > MAX_NAMES) return `at most ${MAX_NAMES} names`;
  const long = value.find((name) => typeof name === "string" && name.length > MAX_NAME_LENGTH);
  return long ? `"${long}" is longer than ${MAX_NAME_LENGTH} characters` : null;
}

/**
 * The problems in the thresholds a person can correct in the form, found before asking the server
 * and said in the form's terms (major units, percent), each at the path the server would name.
 * Fields missing or of another shape are left for the server's validation to name.
 */
export function thresholdProblems(data: unknown): PolicyIssue[] {
  return thresholdRows(data).flatMap(({ path, value }) => {
    if (!isRecord(value)) return [];
    const found: PolicyIssue[] = [];
    const limit = "auto_approve_max_minor" in value ? moneyProblem(value.auto_approve_max_minor, "never") : null;
    if (limit) found.push(issue(`${path}.auto_approve_max_minor`, limit));
    const confidence = "min_confidence" in value ? confidenceProblem(value.min_confidence) : null;
    if (confidence) found.push(issue(`${path}.min_confidence`, confidence));
    if (Array.isArray(value.approver_tiers)) found.push(...tierProblems(value.approver_tiers, `${path}.approver_tiers`));
    for (const field of ["deny_customer_tiers", "approval_item_classes"]) {
      const names = namesProblem(value[field]);
      if (names) found.push(issue(`${path}.${field}`, names));
    }
    return found;
  });
}
