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
    await containsText(editor.getByTestId("policy-thresholds"), "Create sales order");

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
    await editor.getByText(/^Threshold data \(JSON\)/).click();
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
    await editor.getByText(/^Threshold data \(JSON\)/).click();
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
    await containsText(partner.getByTestId("tenant-policy-editor").getByTestId("policy-thresholds"), "97%");
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
    await containsText(page.getByTestId("tenant-policy-editor").getByTestId("policy-thresholds"), "97%");
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
});
