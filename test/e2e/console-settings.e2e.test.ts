import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.ts";
import { containsText, count, hasText, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

// The tests read arbitrary JSON bodies and assert on their shape.
// biome-ignore lint/suspicious/noExplicitAny: the assertions are the type check
type PageResponse = { status: number; body: any };

/** Calls the API from inside the page, with the page's session cookie: what the console itself can do. */
const fetchInPage = (page: Page, path: string, init: { method?: string } = {}): Promise<PageResponse> =>
  page.evaluate(
    async ({ path, init }) => {
      const response = await fetch(path, { ...init, headers: { accept: "application/json" } });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { path, init },
  );

/** A 2×2 PNG: the smallest logo a partner could upload. */
const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(chromiumMissing)("console: settings, branding, scopes and partner tenants", { timeout: 90_000 }, () => {
  let app: ConsoleUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await startConsoleUnderTest();
    await seedConsoleWorld(app.operator, 60);
    ({ page } = await app.newPage());
    await signIn(page, "acme", PEOPLE.admin.email);
  }, 120_000);
  afterAll(() => app?.stop());

  it("creates an API key whose secret is shown once and works, then revokes it so it stops working", async () => {
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill("NetSuite sync");
    await dialog.getByRole("checkbox", { name: "records:read" }).check();
    await dialog.getByRole("button", { name: "Create key" }).click();
    const secret = (await dialog.getByTestId("api-key-secret").innerText()).trim();
    expect(secret).toMatch(/^cdk_/);
    await screenshot(page, "07-api-key-created");

    const asIntegration = apiClient(app.url, secret);
    expect((await asIntegration("GET", "/api/v1/records/items?limit=1")).status).toBe(200);
    // The key carries only the scope it was given.
    expect((await asIntegration("POST", "/api/v1/records/items", { json: [] })).status).toBe(403);

    await dialog.getByRole("button", { name: "Done" }).click();
    const row = page.getByTestId("api-keys-table").locator("tr", { hasText: "NetSuite sync" });
    await containsText(row, "records:read");
    await containsText(row, "active");
    await screenshot(page, "08-api-keys");
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await page.getByRole("dialog", { name: "Revoke this key?" }).getByRole("button", { name: "Revoke key" }).click();
    await containsText(row, "revoked");
    const refused = await asIntegration<{ error: { code: string } }>("GET", "/api/v1/records/items?limit=1");
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("key_revoked");
  });

  it("changes the tenant's branding and sees it on the console, the window title and the sign-in page", async () => {
    await page.goto("/settings/branding");
    const form = page.getByTestId("tenant-branding-form");
    await form.getByLabel("Product name").fill("Acme Ops Hub");
    await form.getByLabel("Primary colour", { exact: true }).fill("#7a1f5c");
    await form.getByLabel("Support email").fill("help@acme.example");
    await form.getByLabel("Logo").setInputFiles({ name: "acme.png", mimeType: "image/png", buffer: LOGO_PNG });
    await form.getByRole("button", { name: "Save branding" }).click();
    await visible(page.getByText("Saved. The console now shows the new branding."));
    await hasText(page.getByRole("navigation", { name: "Main" }).getByTestId("product-name"), "Acme Ops Hub");
    await expect.poll(() => page.title()).toBe("Branding · Acme Ops Hub");
    const brand = await page.evaluate<string>("getComputedStyle(document.querySelector('.sidebar')).backgroundColor");
    expect(brand).toBe("rgb(122, 31, 92)");
    await containsText(page.getByTestId("support-contact"), "help@acme.example");
    const logo = page.getByRole("navigation", { name: "Main" }).locator("img.brand-mark__logo");
    expect(await logo.getAttribute("src")).toBe(`data:image/png;base64,${LOGO_PNG.toString("base64")}`);
    await screenshot(page, "09-branding");

    // The change is audited.
    const audit = await fetchInPage(page, "/api/v1/audit?action=tenant.branding_changed");
    expect(audit.status).toBe(200);
    expect(audit.body.data).toHaveLength(1);

    // The sign-in page of this tenant carries it too, before anyone signs in.
    const { page: visitor } = await app.newPage();
    await visitor.goto("/sign-in?tenant=acme");
    await hasText(visitor.getByTestId("product-name"), "Acme Ops Hub");
    await containsText(visitor.getByTestId("sign-in-support"), "help@acme.example");
    await screenshot(visitor, "10-sign-in-branded");
    // …and another tenant's sign-in page does not.
    await visitor.goto("/sign-in?tenant=beacon");
    await hasText(visitor.getByTestId("product-name"), "Crossdock");
  });

  it("invites a user, who sets a password from the link and signs in", async () => {
    await page.goto("/settings/users");
    await page.getByRole("button", { name: "Invite user" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a user" });
    await dialog.getByLabel("Name").fill("Cass CSR");
    await dialog.getByLabel("Email").fill("cass@acme.example");
    await dialog.getByRole("checkbox", { name: /^Customer service rep/ }).check();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    // No SMTP server is configured here: the console says so and gives the link to pass on.
    await containsText(dialog.getByTestId("invitation-result"), "Email is not set up");
    const link = (await dialog.getByTestId("invitation-link").innerText()).trim();
    await dialog.getByRole("button", { name: "Done" }).click();
    await containsText(page.getByTestId("users-table"), "cass@acme.example");

    const { page: invitee } = await app.newPage();
    await invitee.goto(link);
    await visible(invitee.getByRole("heading", { name: "Welcome, Cass CSR" }));
    await invitee.getByLabel("New password").fill("a long enough password");
    await invitee.getByLabel("Repeat it").fill("a long enough password");
    await invitee.getByRole("button", { name: "Set password and sign in" }).click();
    await visible(invitee.getByRole("heading", { name: "Welcome, Cass CSR" }).and(invitee.locator("h1.page-header__title")));
    // A CSR reads records but not the audit trail or settings.
    const nav = invitee.getByRole("navigation", { name: "Main" });
    await visible(nav.getByRole("link", { name: /^Records/ }));
    await count(nav.getByRole("link", { name: /^Audit/ }), 0);

    // The admin disables Cass: her session ends at once, and her next step asks her to sign in.
    await page.reload();
    await page.getByRole("button", { name: "Edit cass@acme.example" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Cass CSR" });
    await edit.getByLabel("Status").selectOption("disabled");
    await edit.getByRole("button", { name: "Save" }).click();
    await containsText(page.getByTestId("users-table").locator("tr", { hasText: "cass@acme.example" }), "disabled");
    await nav.getByRole("link", { name: /^Records/ }).click();
    await invitee.getByRole("link", { name: "Items", exact: true }).click();
    await invitee.waitForURL(/\/sign-in\?/);

    // Enabled again, Cass signs in from the same browser: its old cookie is no obstacle.
    await page.getByRole("button", { name: "Edit cass@acme.example" }).click();
    await edit.getByLabel("Status").selectOption("active");
    await edit.getByRole("button", { name: "Save" }).click();
    await containsText(page.getByTestId("users-table").locator("tr", { hasText: "cass@acme.example" }), "active");
    await invitee.getByLabel("Email").fill("cass@acme.example");
    await invitee.getByLabel("Password").fill("a long enough password");
    await invitee.getByRole("button", { name: "Sign in" }).click();
    await invitee.waitForURL(/\/records\/items/);
    await visible(invitee.getByTestId("record-table"));
  });

  it("keeps a user without a scope out of its pages and actions, and the API refuses them too", async () => {
    const { page: viewer } = await app.newPage();
    await signIn(viewer, "acme", PEOPLE.viewer.email);
    const nav = viewer.getByRole("navigation", { name: "Main" });
    await visible(nav.getByRole("link", { name: /^Records/ }));
    await count(nav.getByRole("link", { name: /^Audit/ }), 0);
    await count(nav.getByRole("link", { name: /^Settings/ }), 0);

    await viewer.goto("/settings/api-keys");
    await containsText(viewer.getByTestId("forbidden"), "api_keys:read");
    await count(viewer.getByRole("button", { name: "Create API key" }), 0);
    await screenshot(viewer, "11-no-access");
    await viewer.goto("/audit");
    await containsText(viewer.getByTestId("forbidden"), "audit:read");

    const keys = await fetchInPage(viewer, "/api/v1/api-keys");
    expect(keys.status).toBe(403);
    expect(keys.body.error.message).toContain("api_keys:read");
    const create = await viewer.evaluate(async () => {
      const response = await fetch("/api/v1/api-keys", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "sneaky", scopes: ["records:read"] }),
      });
      return response.status;
    });
    expect(create).toBe(403);
  });

  it("lets a partner admin switch between the partner's tenants", async () => {
    const { page: partner } = await app.newPage();
    await signIn(partner, "acme", PEOPLE.partner.email);
    const switcher = partner.getByTestId("tenant-switcher");
    await expect.poll(() => switcher.locator("option").allInnerTexts()).toEqual(["Acme Supply", "Beacon Tools"]);
    await screenshot(partner, "12-partner-switcher");
    await switcher.selectOption("beacon");
    await visible(partner.getByText("Beacon Tools · beacon"));
    // Beacon has no records; its numbers are Beacon's, not Acme's.
    await visible(partner.getByTestId("record-counts").getByRole("link", { name: /^0\s*Items$/ }));
    // Acme's branding does not follow the partner admin into Beacon.
    await hasText(partner.getByRole("navigation", { name: "Main" }).getByTestId("product-name"), "Crossdock");
    await partner.goto("/settings/users");
    await count(partner.getByTestId("users-table").locator("tbody tr"), 0);

    // The partner's own branding reaches every tenant that sets none: Beacon takes it, Acme keeps its own.
    await partner.goto("/settings/branding");
    const partnerForm = partner.getByTestId("partner-branding-form");
    await partnerForm.getByLabel("Product name").fill("Northwind Cloud");
    await partnerForm.getByRole("button", { name: "Save branding" }).click();
    await visible(partner.getByText("Saved for every tenant of Northwind Partners."));
    await hasText(partner.getByRole("navigation", { name: "Main" }).getByTestId("product-name"), "Northwind Cloud");
    await switcher.selectOption("acme");
    await visible(partner.getByText("Acme Supply · acme"));
    await hasText(partner.getByRole("navigation", { name: "Main" }).getByTestId("product-name"), "Acme Ops Hub");
  });
});
