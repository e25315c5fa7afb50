import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/accessibility.ts";
import { containsText, count, hasText, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

describe.skipIf(chromiumMissing)("console: sign in, browse records, read the audit trail", { timeout: 90_000 }, () => {
  let app: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleUnderTest();
    await seedConsoleWorld(app.operator);
    ({ page } = await app.newPage());
  }, 120_000);
  afterAll(() => app?.stop());

  it("signs in with a user the CLI or the API created, and lands on home with the tenant's numbers", async () => {
    await page.goto("/");
    // Not signed in: the console sends the visitor to sign in, and back afterwards.
    await page.waitForURL(/\/sign-in/);
    await screenshot(page, "01-sign-in");
    await page.getByLabel("Password").fill("wrong password, surely");
    await page.getByLabel("Organisation").fill("acme");
    await page.getByLabel("Email").fill(PEOPLE.admin.email);
    await page.getByRole("button", { name: "Sign in" }).click();
    await containsText(page.getByRole("alert"), "The email or password is not correct");

    await signIn(page, "acme", PEOPLE.admin.email);
    await visible(page.getByRole("heading", { name: "Welcome, Ada Admin" }));
    await hasText(page.getByTestId("acting-tenant"), "Acme Supply");
    const counts = page.getByTestId("record-counts");
    await visible(counts.getByRole("link", { name: /^300\s*Items$/ }));
    await visible(counts.getByRole("link", { name: /^1\s*Sales orders$/ }));
    await visible(page.getByText("Recent activity"));
    await screenshot(page, "02-home");
  });

  it("shows every area in the sidebar; areas not built yet say so and show no data", async () => {
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const area of [
      "Home",
      "Inbox",
      "Documents",
      "Planning",
      "Copilot",
      "Knowledge",
      "Workflows",
      "Agents",
      "Records",
      "Audit",
      "KPIs",
      "Settings",
    ]) {
      await visible(nav.getByRole("link", { name: new RegExp(`^${area}`) }));
    }
    await nav.getByRole("link", { name: /^Planning/ }).click();
    await containsText(page.getByTestId("not-built"), "Not built yet");
    await containsText(page.getByTestId("not-built"), "no sample or placeholder data");
    expect(await page.locator("table").count()).toBe(0);
  });

  it("lists records with server-side pagination, search, sorting and filters", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Records/ })
      .click();
    await page.getByRole("link", { name: "Items", exact: true }).click();
    const status = page.getByTestId("pager-status");
    await hasText(status, "Showing 1–50 of 300");
    const rows = page.getByTestId("record-table").locator("tbody tr");
    await count(rows, 50);
    await containsText(rows.first(), "ITM-00001");
    await screenshot(page, "03-items-list");

    await page.getByRole("button", { name: "Next" }).click();
    await hasText(status, "Showing 51–100 of 300");
    await containsText(rows.first(), "ITM-00051");
    await page.getByRole("button", { name: "Previous" }).click();
    await hasText(status, "Showing 1–50 of 300");

    // Sort by SKU, descending (second click).
    const skuHeader = page.getByRole("button", { name: /^SKU/ });
    await skuHeader.click();
    await skuHeader.click();
    await page.waitForURL(/sort=-sku/);
    await containsText(rows.first(), "ITM-00300");

    // "/" focuses the search box; the search is a prefix of SKU or name.
    await page.locator("body").click({ position: { x: 600, y: 5 } });
    await page.keyboard.press("/");
    await page.keyboard.type("ITM-0012");
    await hasText(status, "Showing 1–10 of 10");
    await page.waitForURL(/q=ITM-0012/);

    // A filter from the type's contract: status = discontinued.
    await page.getByRole("button", { name: "Clear all" }).click();
    await hasText(status, "Showing 1–50 of 300");
    await page.getByRole("combobox").filter({ hasText: "+ Filter" }).selectOption({ label: "Status" });
    await page.getByRole("combobox", { name: "Status" }).selectOption("discontinued");
    await hasText(status, /of (17|18)$/);
    for (const cell of await rows.locator("td:nth-child(5)").allTextContents()) expect(cell).toBe("discontinued");
  });

  it("opens a record: its fields, its lines, its change history and its audit entries", async () => {
    await page.goto("/records/items?q=ITM-00001");
    await page.getByRole("link", { name: "ITM-00001", exact: true }).click();
    await visible(page.getByRole("heading", { name: /^Item ITM-00001/ }));
    await containsText(page.getByTestId("record-fields"), "Fasteners item 1");
    await screenshot(page, "04-item-detail");

    await page.getByRole("tab", { name: /^UoM conversions/ }).click();
    await containsText(page.getByTestId("record-lines"), "BX");

    await page.getByRole("tab", { name: /^History/ }).click();
    const history = page.getByTestId("record-history");
    await count(history.locator("li"), 3);
    await containsText(history.locator("li").first(), "Version 3");
    await containsText(history.locator("li").first(), "discontinued");
    await containsText(history.locator("li").nth(1), "2.75");
    await screenshot(page, "05-item-history");

    await page.getByRole("tab", { name: "Audit" }).click();
    const audit = page.getByTestId("audit-table");
    await count(audit.locator("tbody tr"), 3);
    await containsText(audit, "records.item.upserted");

    // A sales order shows its lines, and its customer reference links to the customer.
    await page.goto("/records/sales-orders");
    await page.getByRole("link", { name: "SO-1042" }).click();
    await page.getByRole("tab", { name: /^Lines \(2\)/ }).click();
    await count(page.getByTestId("record-lines").locator("tbody tr"), 2);
    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByRole("link", { name: "C-100" }).click();
    await visible(page.getByRole("heading", { name: /Customer C-100 — Baxter Fabrication/ }));
  });

  it("reads the audit trail with filters, and verifies the hash chain", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Audit/ })
      .click();
    const table = page.getByTestId("audit-table");
    await visible(table.locator("tbody tr").first());
    await screenshot(page, "06-audit");

    await page.getByLabel("Action").fill("user.*");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/action=user/);
    // The old page stays on screen until the filtered one arrives: wait for the filtered one.
    const actions = () => table.locator("tbody tr td:nth-child(4) .mono").allTextContents();
    await expect
      .poll(async () => (await actions()).every((action) => action.startsWith("user.")), { timeout: 10_000 })
      .toBe(true);
    expect((await actions()).length).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Verify the chain" }).click();
    await containsText(page.getByTestId("chain-ok"), "Chain intact");
  });

  it("has no serious accessibility violations on its main pages (axe-core, WCAG 2.1 AA)", async () => {
    for (const path of [
      "/",
      "/records",
      "/records/items",
      "/records/sales-orders",
      "/audit",
      "/settings/users",
      "/settings/api-keys",
      "/settings/branding",
      "/inbox",
    ]) {
      await page.goto(path);
      await page.locator("main h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page), path).toEqual([]);
    }
    // The check itself can fail: an unlabelled field is reported.
    await page.evaluate(
      `document.querySelector("main").append(Object.assign(document.createElement("input"), { id: "unlabelled" }))`,
    );
    expect((await seriousViolations(page)).map((violation) => violation.id)).toContain("label");
  });

  it("signs out: the session ends on the server, and the console asks to sign in again", async () => {
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const asThisSession = () => fetch(`${app.url}/api/v1/me`, { headers: { cookie } }).then((response) => response.status);
    expect(await asThisSession()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/sign-in\?/);
    await containsText(page.getByRole("status"), "You have signed out");
    // Not only the browser forgot the cookie: the session itself is over.
    expect(await asThisSession()).toBe(401);
    await page.goto("/records/items");
    await page.waitForURL(/\/sign-in\?next=%2Frecords%2Fitems/);
  });
});
