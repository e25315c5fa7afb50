import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/accessibility.ts";
import { expectStatus } from "./support/api.ts";
import { containsText, count, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { PASSWORD, PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

/** An auditor reads and tests policies (policies:read) but may not save them (no policies:admin). */
const AUDITOR = { email: "aud@acme.example", name: "Aud Auditor", roles: ["auditor"] };

/** A policy an operations manager might add, first with a syntax error on its `when` line. */
const BROKEN_POLICY = [
  "",
  '@id("hazmat-never-alone")',
  '@reason("hazmat is always read by a person")',
  'forbid (principal, action == Crossdock::Action::"auto", resource is Crossdock::ActionKind)',
  "when { context has itemClass && context.itemClass == };",
  "",
].join("\n");

/** Scrolls the page so the element's top is at the top of the window, for a screenshot. */
const scrollTo = (locator: Locator) =>
  locator.evaluate((element: { scrollIntoView(options: { block: string }): void }) => element.scrollIntoView({ block: "start" }));

/** The line of the thresholds form that says one kind of write's thresholds ("Create sales order", "Every other kind"). */
const kindLine = (editor: Locator, kind: string) => editor.locator(".thresholds-kind__summary").filter({ hasText: kind });

/** A kind of write's thresholds as fields: its line opened (each is folded until then), and its group of fields. */
async function openKind(editor: Locator, kind: string): Promise<Locator> {
  const line = kindLine(editor, kind);
  if ((await line.locator("xpath=..").getAttribute("open")) === null) await line.click();
  return editor.getByRole("group", { name: new RegExp(`^${kind}`) });
}

/** The line (1-based) the caret is on in a textarea. */
const caretLine = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator("textarea")
    .evaluate(
      (element: { value: string; selectionStart: number }) => element.value.slice(0, element.selectionStart).split("\n").length,
    );

describe.skipIf(chromiumMissing)("console: policies are edited, validated, versioned and tested", { timeout: 90_000 }, () => {
  let app: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleUnderTest();
    await seedConsoleWorld(app.operator, 5);
    await expectStatus(
      app.operator("POST", "/api/v1/users", { tenant: "acme", json: { ...AUDITOR, password: PASSWORD } }),
      201,
      "auditor",
    );
    ({ page } = await app.newPage());
    await signIn(page, "acme", PEOPLE.admin.email);
  }, 120_000);
  afterAll(() => app?.stop());

  it("shows Crossdock's default policies in force, and points at a syntax error by its line", async () => {
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Policies" }).click();
    await page.waitForURL(/\/settings\/policies$/);
    const inForce = page.getByTestId("policies-in-force");
    await containsText(inForce, "Crossdock default");
    await containsText(inForce, "version 0");
    const editor = page.getByTestId("tenant-policy-editor");
    const text = editor.getByRole("textbox", { name: "Cedar policies" });
    const original = await text.inputValue();
    expect(original).toContain('@id("auto-within-limits")');
    // The thresholds are form fields, one group per kind of write.
    await containsText(kindLine(editor, "Create sales order"), "alone up to 5,000.00 · 90% sure · csr up to 25,000.00");
    const orders = await openKind(editor, "Create sales order");
    expect(await orders.getByLabel(/^Without a person up to/).inputValue()).toBe("5000.00");

    await text.fill(original + BROKEN_POLICY);
    const errorLine = (original + BROKEN_POLICY).split("\n").findIndex((line) => line.includes("itemClass == }")) + 1;
    await editor.getByRole("button", { name: "Validate" }).click();
    const issues = editor.getByTestId("policy-issues");
    await containsText(issues, `Line ${errorLine}, column`);
    // The gutter marks the line, and choosing the problem takes the caret there.
    await visible(editor.locator(".policies-editor__number--problem", { hasText: String(errorLine) }));
    await issues.getByRole("button").first().click();
    await expect.poll(() => caretLine(page, "tenant-policy-editor-text-editor")).toBe(errorLine);

    // Saving the broken text is refused by the server the same way, and nothing is saved.
    await editor.getByRole("button", { name: "Save" }).click();
    await containsText(issues, "Not saved");
    await containsText(issues, `Line ${errorLine}, column`);
    await containsText(inForce, "version 0");
    await screenshot(page, "30-policies-error");
  });

  it("saves the fixed text and a changed threshold as versions, listed with who and what, and diffs them", async () => {
    const editor = page.getByTestId("tenant-policy-editor");
    const text = editor.getByRole("textbox", { name: "Cedar policies" });
    await text.fill((await text.inputValue()).replace("itemClass == }", 'itemClass == "hazmat" }'));
    await editor.getByRole("button", { name: "Validate" }).click();
    await visible(editor.getByText("No problems found."));
    await editor.getByRole("button", { name: "Save" }).click();
    await visible(editor.getByText("Saved as version 1. It is in force now."));
    const inForce = page.getByTestId("policies-in-force");
    await containsText(inForce, "this tenant's own");
    await containsText(inForce, "version 1");
    await containsText(inForce, PEOPLE.admin.email);
    const versions = page.getByTestId("policy-versions");
    await containsText(versions.locator("tr", { hasText: "policies added" }), "hazmat-never-alone");

    // A threshold, in the data: sales orders up to $7,500.00 go through without a person.
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    const data = editor.getByRole("textbox", { name: "Threshold data (JSON)" });
    const json = await data.inputValue();
    // A data error is named by its path, and choosing it takes the caret to that field.
    await data.fill(json.replace('"min_confidence": 0.95', '"min_confidence": 1.5'));
    await editor.getByRole("button", { name: "Validate" }).click();
    const issue = editor
      .getByTestId("policy-issues")
      .getByRole("button", { name: /data\.kinds\.ap_invoice\.post\.min_confidence/ });
    await issue.click();
    const dataLines = json.split("\n");
    const postLine = dataLines.findIndex((line) => line.includes('"ap_invoice.post"'));
    const errorLine = dataLines.findIndex((line, index) => index > postLine && line.includes('"min_confidence"')) + 1;
    // The data editor opens first and the caret moves on the next frame: wait for it.
    await expect.poll(() => caretLine(page, "tenant-policy-editor-data-editor")).toBe(errorLine);

    await data.fill(json.replace('"auto_approve_max_minor": 500000', '"auto_approve_max_minor": 750000'));
    await containsText(editor.getByTestId("policy-thresholds").locator("tr", { hasText: "Create sales order" }), "7,500.00");
    await editor.getByRole("button", { name: "Save" }).click();
    await visible(editor.getByText("Saved as version 2. It is in force now."));
    const second = versions.locator("tbody tr").first();
    await containsText(second, PEOPLE.admin.email);
    await containsText(second, "kinds.sales_order.create.auto_approve_max_minor: 500000 → 750000");
    await count(versions.locator("tbody tr"), 2);

    await versions.getByRole("button", { name: "Compare with in force (version 1)" }).click();
    const diff = page.getByTestId("policy-diff");
    await containsText(diff, "Cedar policies no changes");
    await containsText(diff.locator(".policies-diff__line--removed"), '"auto_approve_max_minor": 500000');
    await containsText(diff.locator(".policies-diff__line--added"), '"auto_approve_max_minor": 750000');
    await scrollTo(versions);
    await screenshot(page, "31-policies-versions");
  });

  it("answers the test bench with the decision and the policies that decided", async () => {
    const bench = page.getByTestId("policy-test-bench");
    await bench.getByLabel("Kind of write").selectOption("purchase_order.create");
    await bench.getByLabel("Amount").fill("100.00");
    await bench.getByLabel("Confidence (%)").fill("99");
    await bench.getByLabel("Item class").fill("hazmat");
    await bench.getByLabel("Also ask: may this role approve it?").selectOption("buyer");
    await bench.getByRole("button", { name: "Ask the policies" }).click();
    const answer = page.getByTestId("policy-test-answer");
    await containsText(answer, "Needs approval by buyer");
    await containsText(answer.getByTestId("policy-test-policies"), "hazmat-never-alone");
    await containsText(answer, "version 2 (tenant)");
    await containsText(answer.getByTestId("policy-test-approval"), "yes");

    await bench.getByLabel("Item class").fill("");
    await bench.getByRole("button", { name: "Ask the policies" }).click();
    await containsText(answer, "Auto-approved");
    await containsText(answer.getByTestId("policy-test-policies"), "auto-within-limits");
    await scrollTo(bench);
    await screenshot(page, "32-policies-test-bench");
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("lets someone without policies:admin read and test but not save, and the API refuses their save", async () => {
    const { page: auditor } = await app.newPage();
    await signIn(auditor, "acme", AUDITOR.email);
    await auditor.goto("/settings/policies");
    await containsText(auditor.getByTestId("policies-in-force"), "version 2");
    const editor = auditor.getByTestId("tenant-policy-editor");
    await visible(editor.getByRole("button", { name: "Validate" }));
    await count(editor.getByRole("button", { name: "Save" }), 0);
    expect(await editor.getByRole("textbox", { name: "Cedar policies" }).getAttribute("readonly")).not.toBeNull();
    const put = await auditor.evaluate(async () => {
      const response = await fetch("/api/v1/policies", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: '@id("all")\npermit (principal, action, resource);' }),
      });
      return { status: response.status, body: (await response.json()) as { error: { message: string } } };
    });
    expect(put.status).toBe(403);
    expect(put.body.error.message).toContain("policies:admin");

    // A viewer holds not even policies:read: no link, and the page says why.
    const { page: viewer } = await app.newPage();
    await signIn(viewer, "acme", PEOPLE.viewer.email);
    await viewer.goto("/settings/policies");
    await containsText(viewer.getByTestId("forbidden"), "policies:read");
  });

  it("lets a partner admin set defaults that a tenant without its own policies takes", async () => {
    const { page: partner } = await app.newPage();
    await signIn(partner, "acme", PEOPLE.partner.email);
    await partner.goto("/settings/policies");
    await containsText(partner.getByTestId("partner-policies-state"), "None saved yet");
    const editor = partner.getByTestId("partner-policy-editor");
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    const data = editor.getByRole("textbox", { name: "Threshold data (JSON)" });
    await data.fill((await data.inputValue()).replace('"min_confidence": 0.9', '"min_confidence": 0.97'));
    await editor.getByRole("button", { name: "Save" }).click();
    await visible(editor.getByText("Saved as version 1. It is in force now."));
    await containsText(partner.getByTestId("partner-policies-state"), "Version 1");
    // Acme keeps its own set; Beacon, which has none, now decides with the partner's.
    await containsText(partner.getByTestId("policies-in-force"), "this tenant's own");
    await partner.getByTestId("tenant-switcher").selectOption("beacon");
    await visible(partner.getByText("Beacon Tools · beacon"));
    await partner.goto("/settings/policies");
    await containsText(partner.getByTestId("policies-in-force"), "partner defaults");
    await containsText(kindLine(partner.getByTestId("tenant-policy-editor"), "Every other kind"), "97% sure");
  });

  it("lets a policy admin go back to the partner's defaults, with a reason, and a partner admin see the partner's versions", async () => {
    await page.goto("/settings/policies");
    const inForce = page.getByTestId("policies-in-force");
    await containsText(inForce, "this tenant's own");
    await containsText(inForce, "version 2");
    await page.getByRole("button", { name: "Use the partner's defaults" }).click();
    const dialog = page.getByRole("dialog", { name: "Use the partner's defaults?" });
    await containsText(dialog, "the defaults of Northwind Partners decide its writes");
    const confirm = dialog.getByRole("button", { name: "Go back to the defaults" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/^Reason/).fill("Northwind's limits are the ones we agreed");
    await screenshot(page, "33-policies-inherit-dialog");
    await confirm.click();

    await containsText(inForce, "partner defaults");
    await containsText(inForce, "version 1");
    await containsText(inForce, PEOPLE.partner.email);
    await count(page.getByRole("button", { name: "Use the partner's defaults" }), 0);
    // The editor now shows the partner's set, and the versions list when and by whom it changed.
    await containsText(kindLine(page.getByTestId("tenant-policy-editor"), "Every other kind"), "97% sure");
    const latest = page.getByTestId("policy-versions").locator("tbody tr").first();
    await containsText(latest, "3 (inherited)");
    await containsText(latest, PEOPLE.admin.email);
    await containsText(latest, "back to the partner's defaults (version 1)");
    await count(latest.getByRole("button"), 0);
    const audit = await page.evaluate(async () => {
      const response = await fetch("/api/v1/audit?action=policy.inherited");
      return (await response.json()) as { data: { actor: { id: string; label?: string }; data: { reason: string } }[] };
    });
    expect(audit.data).toHaveLength(1);
    expect(audit.data[0]?.data.reason).toBe("Northwind's limits are the ones we agreed");
    await scrollTo(page.getByTestId("policy-versions"));
    await screenshot(page, "34-policies-inherited-versions");

    // The auditor (no policies:admin) is offered no such button, even while the tenant's own set is in force.
    const { page: auditor } = await app.newPage();
    await signIn(auditor, "acme", AUDITOR.email);
    await auditor.goto("/settings/policies");
    await containsText(auditor.getByTestId("policies-in-force"), "partner defaults");
    await count(auditor.getByRole("button", { name: "Use the partner's defaults" }), 0);

    const { page: partner } = await app.newPage();
    await signIn(partner, "acme", PEOPLE.partner.email);
    await partner.goto("/settings/policies");
    const versions = partner.getByTestId("partner-policy-versions");
    await count(versions.locator("tbody tr"), 1);
    await containsText(versions.locator("tbody tr").first(), "(in force)");
    await containsText(versions.locator("tbody tr").first(), "default.min_confidence: 0.9 → 0.97");
  });

  it("lets a policy admin change thresholds as form fields: a bad value is named at its field and kept, the saved policy has the new values", async () => {
    await page.goto("/settings/policies");
    const inForce = page.getByTestId("policies-in-force");
    await containsText(inForce, "partner defaults");
    const editor = page.getByTestId("tenant-policy-editor");
    const orders = await openKind(editor, "Create sales order");
    const limit = orders.getByLabel(/^Without a person up to/);
    const confidence = orders.getByLabel(/^Min\. confidence \(%\)/);
    expect(await limit.inputValue()).toBe("5000.00");
    expect(await confidence.inputValue()).toBe("90");

    // Bad values are named at their fields as they are typed, and a save is refused naming them.
    await confidence.fill("150");
    await containsText(orders, "150% is out of range: enter a percentage from 0 to 100");
    expect(await confidence.getAttribute("aria-invalid")).toBe("true");
    await limit.fill("9,000 dollars");
    await containsText(orders, '"9,000 dollars" is not an amount');
    await editor.getByRole("button", { name: "Save" }).click();
    const issues = editor.getByTestId("policy-issues");
    await containsText(issues, "Not saved: 2 problems");
    await containsText(inForce, "partner defaults");
    await scrollTo(kindLine(editor, "Create sales order"));
    await screenshot(page, "35-policies-thresholds-error");
    // Choosing a problem takes the focus to its field.
    await issues.getByRole("button", { name: /data\.kinds\.sales_order\.create\.min_confidence/ }).click();
    await expect.poll(() => confidence.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
    // What was typed is in the draft: the JSON shows it, and back in the fields nothing is lost.
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    const data = editor.getByRole("textbox", { name: "Threshold data (JSON)" });
    expect(await data.inputValue()).toContain('"auto_approve_max_minor": "9,000 dollars"');
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    expect(await limit.inputValue()).toBe("9,000 dollars");
    expect(await confidence.inputValue()).toBe("150");

    // Corrected, the problems go, from the fields and from the list.
    await limit.fill("9,000");
    await confidence.fill("85");
    await count(orders.locator(".field__error"), 0);
    await count(issues, 0);

    // Operations managers approve up to $500,000 (not $100,000): a tier removed, one added before "any amount".
    const tiers = orders.getByRole("group", { name: "Approved by" });
    await tiers.getByRole("button", { name: "Remove tier 2" }).click();
    await tiers.getByRole("button", { name: "Add a tier" }).click();
    await containsText(tiers, "enter an amount: only the last tier may cover any amount");
    await tiers.getByLabel("Tier 2 role").selectOption("operations_manager");
    await tiers.getByLabel("Tier 2 up to").fill("500000");
    expect(await tiers.getByLabel("Tier 3 up to").inputValue()).toBe("");
    await count(tiers.locator(".field__error"), 0);

    // Holding an order goes back to the default; then gets thresholds of its own again, starting from the default.
    await (await openKind(editor, "Hold order")).getByRole("button", { name: "Use the default for Hold order" }).click();
    await count(kindLine(editor, "Hold order"), 0);
    await editor.getByLabel("Thresholds of its own for").selectOption("order.hold");
    await editor.getByRole("button", { name: "Add kind" }).click();
    const hold = await openKind(editor, "Hold order");
    expect(await hold.getByLabel(/^Min\. confidence \(%\)/).inputValue()).toBe("97");
    await hold.getByLabel(/^Always a person for item classes/).fill("hazmat, controlled");

    // A problem only the server finds (a field it does not know, typed in the JSON) shows at its kind in the form too.
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    const json = await data.inputValue();
    await data.fill(json.replace('"sales_order.create": {', '"sales_order.create": {\n      "note": "x",'));
    await editor.getByRole("button", { name: "Validate" }).click();
    await containsText(issues, 'unknown field "note"');
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    await containsText(kindLine(editor, "Create sales order"), "1 problem");
    await containsText(orders, 'unknown field "note"');
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    await data.fill(json);
    await editor.getByRole("button", { name: "Edit as JSON" }).click();
    await editor.getByRole("button", { name: "Validate" }).click();
    await visible(editor.getByText("No problems found."));
    expect(await seriousViolations(page)).toEqual([]);
    await scrollTo(kindLine(editor, "Create sales order"));
    await screenshot(page, "36-policies-thresholds-form");

    await editor.getByRole("button", { name: "Save" }).click();
    await visible(editor.getByText("Saved as version 4. It is in force now."));
    await containsText(inForce, "this tenant's own");
    await containsText(
      page.getByTestId("policy-versions").locator("tbody tr").first(),
      "auto_approve_max_minor: 500000 → 900000",
    );
    const saved = await page.evaluate(async () => {
      const response = await fetch("/api/v1/policies");
      return (await response.json()) as { data: { kinds: Record<string, unknown> } };
    });
    expect(saved.data.kinds["sales_order.create"]).toMatchObject({
      auto_approve_max_minor: 900_000,
      min_confidence: 0.85,
      approver_tiers: [
        { max_minor: 2_500_000, role: "csr" },
        { max_minor: 50_000_000, role: "operations_manager" },
        { max_minor: null, role: "admin" },
      ],
    });
    expect(saved.data.kinds["order.hold"]).toMatchObject({
      auto_approve_max_minor: null,
      min_confidence: 0.97,
      approval_item_classes: ["hazmat", "controlled"],
    });

    // After a reload the fields show what was saved.
    await page.reload();
    await containsText(inForce, "version 4");
    await openKind(editor, "Create sales order");
    await expect.poll(() => limit.inputValue()).toBe("9000.00");
    expect(await confidence.inputValue()).toBe("85");
    expect(await tiers.getByLabel("Tier 2 up to").inputValue()).toBe("500000.00");
  });
});
