import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  ACTION_KIND_NAMES,
  ACTION_KINDS,
  type ActionFacts,
  type ActionKind,
  APPROVER_ROLES,
  type PolicyDecision,
  type PolicyTestInput,
  type PolicyTestResult,
} from "../contract.ts";
import { Badge } from "../ui/badge.tsx";
import { ErrorBanner } from "../ui/error-banner.tsx";
import type { PolicyDraft } from "./policy-queries.ts";
import { testPolicies } from "./policy-queries.ts";

type Asker = "me" | "person" | "automation";

const VERDICTS: Record<PolicyDecision["effect"], { tone: "good" | "warn" | "bad"; label: (role: string | null) => string }> = {
  allow: { tone: "good", label: () => "Auto-approved: done without a person" },
  approval_required: { tone: "warn", label: (role) => `Needs approval${role ? ` by ${role}` : ""}` },
  deny: { tone: "bad", label: () => "Refused" },
};

const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());

/**
 * "Would this write, with these facts, asked by this actor, be done, put to a person, or refused —
 * and which policies decided?", on the saved policies or on the unsaved draft. Nothing is saved.
 */
export function PolicyTestBench({ draft }: { draft: PolicyDraft | null }) {
  const [kind, setKind] = useState<ActionKind>("sales_order.create");
  const [amount, setAmount] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [confidence, setConfidence] = useState("");
  const [customerTier, setCustomerTier] = useState("");
  const [itemClass, setItemClass] = useState("");
  const [asker, setAsker] = useState<Asker>("automation");
  const [role, setRole] = useState<string>("csr");
  const [approver, setApprover] = useState<string>("");
  const [useDraft, setUseDraft] = useState(false);
  const run = useMutation({ mutationFn: testPolicies });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const facts: ActionFacts = {};
    if (optional(amount) !== undefined) facts.amount_minor = Math.round(Number(amount) * 100);
    if (optional(amount) !== undefined && optional(currency) !== undefined) facts.currency = currency.trim().toUpperCase();
    if (optional(confidence) !== undefined) facts.confidence = Number(confidence) / 100;
    if (optional(customerTier) !== undefined) facts.customer_tier = customerTier.trim();
    if (optional(itemClass) !== undefined) facts.item_class = itemClass.trim();
    const input: PolicyTestInput = {
      request: { kind, facts },
      ...(asker === "person" ? { principal: { type: "user", id: "test-bench-person", roles: [role] } } : {}),
      ...(asker === "automation" ? { principal: { type: "agent", id: "test-bench-agent" } } : {}),
      ...(approver ? { approver: { id: "test-bench-approver", roles: [approver] } } : {}),
      ...(useDraft && draft ? { text: draft.text, data: draft.data } : {}),
    };
    run.mutate(input);
  };

  return (
    <section className="panel" aria-labelledby="policy-test-bench">
      <h2 id="policy-test-bench" className="panel__title">
        Test bench
      </h2>
      <p className="muted">Ask what the policies would decide for one write. Nothing is written or saved.</p>
      <form className="policies-bench" onSubmit={submit} data-testid="policy-test-bench">
        <div className="policies-bench__fields">
          <label className="field">
            <span className="field__label">Kind of write</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as ActionKind)}>
              {ACTION_KIND_NAMES.map((name) => (
                <option key={name} value={name}>
                  {ACTION_KINDS[name].label} ({name})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">Amount</span>
            <input
              inputMode="decimal"
              value={amount}
              placeholder={ACTION_KINDS[kind].carries_money ? "e.g. 4200.00" : "none"}
              onChange={(event) => setAmount(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">Currency</span>
            <input value={currency} maxLength={3} size={4} onChange={(event) => setCurrency(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Confidence (%)</span>
            <input
              type="number"
              min={0}
              max={100}
              value={confidence}
              placeholder="none"
              onChange={(event) => setConfidence(event.target.value)}
            />
          </label>
          <label className="field">
            <span className="field__label">Customer tier</span>
            <input value={customerTier} placeholder="e.g. blocked" onChange={(event) => setCustomerTier(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Item class</span>
            <input value={itemClass} placeholder="e.g. hazmat" onChange={(event) => setItemClass(event.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Asked by</span>
            <select value={asker} onChange={(event) => setAsker(event.target.value as Asker)}>
              <option value="automation">Automation (a flow or agent)</option>
              <option value="person">A person with a role</option>
              <option value="me">Me, with my roles</option>
            </select>
          </label>
          {asker === "person" ? (
            <label className="field">
              <span className="field__label">Their role</span>
              <select value={role} onChange={(event) => setRole(event.target.value)}>
                {APPROVER_ROLES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="field">
            <span className="field__label">Also ask: may this role approve it?</span>
            <select value={approver} onChange={(event) => setApprover(event.target.value)}>
              <option value="">no</option>
              {APPROVER_ROLES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {draft ? (
          <label className="checkbox">
            <input type="checkbox" checked={useDraft} onChange={(event) => setUseDraft(event.target.checked)} />
            Use the unsaved changes in the editor
          </label>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={run.isPending}>
            {run.isPending ? "Asking…" : "Ask the policies"}
          </button>
        </div>
      </form>
      <ErrorBanner error={run.error} />
      {run.data ? <TestAnswer result={run.data} /> : null}
    </section>
  );
}

function TestAnswer({ result }: { result: PolicyTestResult }) {
  const { decision, approval } = result;
  const verdict = VERDICTS[decision.effect];
  return (
    <div className="policies-answer" data-testid="policy-test-answer" aria-live="polite">
      <p className="policies-answer__verdict">
        <Badge tone={verdict.tone}>{verdict.label(decision.approver_role)}</Badge>{" "}
        <span className="muted small">
          on {result.evaluated === "unsaved" ? "the unsaved draft" : "the saved policies"}, version {decision.policy_version} (
          {decision.source})
        </span>
      </p>
      <dl className="kv-inline">
        <dt>Decided by</dt>
        <dd data-testid="policy-test-policies">
          {decision.policies.length === 0 ? (
            <span className="muted">no policy matched</span>
          ) : (
            <ul className="policies-answer__policies">
              {decision.policies.map((id) => (
                <li key={id}>
                  <code>{id}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Why</dt>
        <dd>
          <ul className="plain-list">
            {decision.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </dd>
        {approval ? (
          <>
            <dt>May approve</dt>
            <dd data-testid="policy-test-approval">
              <Badge tone={approval.allowed ? "good" : "bad"}>{approval.allowed ? "yes" : "no"}</Badge>{" "}
              {approval.reasons.join("; ")}
              {approval.policies.length > 0 ? (
                <ul className="policies-answer__policies">
                  {approval.policies.map((id) => (
                    <li key={id}>
                      <code>{id}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
