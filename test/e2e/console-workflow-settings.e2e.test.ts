import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/accessibility.ts";
import { expectStatus } from "./support/api.ts";
import { containsText, count, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { makeItems, PASSWORD, PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

// The tests read arbitrary JSON bodies and assert on their shape.
// biome-ignore lint/suspicious/noExplicitAny: the assertions are the type check
type PageResponse = { status: number; body: any; text: string };

/** Calls the API from inside the page, with the page's session cookie: what the console itself can do. */
const fetchInPage = (page: Page, path: string): Promise<PageResponse> =>
  page.evaluate(async (path) => {
    const response = await fetch(path, { headers: { accept: "application/json" } });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, text };
  }, path);

const CSR = { email: "cass@acme.example", name: "Cass CSR", roles: ["csr"] };
/** Someone the people directory's first page (200, by name) leaves out once the tenant has more people. */
const ZOE = { email: "zoe@acme.example", name: "Zoe Zimmer", roles: ["buyer"] };
const OPS = { email: "olga@acme.example", name: "Olga Ops", roles: ["operations_manager"] };
const TOKEN = "sk-live-erp-0123456789abcd";

/** A day as the date inputs take it, `days` from today where the browser is (the test's own clock). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("en-CA");

describe.skipIf(chromiumMissing)(
  "console: connectors, delegations, work queues, task notifications, reassign",
  { timeout: 90_000 },
  () => {
    let app: ConsoleUnderTest;
    let page: Page;

    beforeAll(async () => {
      app = await startConsoleUnderTest();
      await seedConsoleWorld(app.operator, 10);
      for (const person of [CSR, OPS]) {
        await expectStatus(
          app.operator("POST", "/api/v1/users", { tenant: "acme", json: { ...person, password: PASSWORD } }),
          201,
          person.email,
        );
      }
      ({ page } = await app.newPage());
      await signIn(page, "acme", PEOPLE.admin.email);
    }, 120_000);
    afterAll(() => app?.stop());

    it("adds a REST connector with a bearer token that never comes back, edits it, and deletes it", async () => {
      await page.goto("/settings/connectors");
      await visible(page.getByText("No connectors yet"));
      await page.getByRole("button", { name: "Add connector" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a connector" });
      await dialog.getByRole("textbox", { name: /^Name/ }).fill("erp");
      await dialog.getByLabel("Base URL").fill("not a url");
      await dialog.getByRole("combobox", { name: /^Auth/ }).selectOption("bearer");
      await dialog.getByRole("textbox", { name: /^Token/ }).fill(TOKEN);
      await dialog.getByLabel("Headers").fill("X-Company: 01");
      await dialog.getByLabel("Endpoints (JSON)").fill('{"sales_order.create": {"method": "POST", "path": "/orders"}}');
      await dialog.getByRole("button", { name: "Add connector" }).click();

      // The API refuses the address, and the form says so at the field.
      const baseUrl = dialog.locator("label.field", { hasText: "Base URL" });
      await visible(baseUrl.locator(".field__error"));
      expect(await dialog.getByLabel("Base URL").getAttribute("aria-invalid")).toBe("true");
      await containsText(dialog.getByRole("alert").first(), "Please correct the fields marked below");
      await screenshot(page, "40-connector-field-error");

      await dialog.getByLabel("Base URL").fill("https://erp.example.test/api");
      await dialog.getByRole("button", { name: "Add connector" }).click();
      const row = page.getByTestId("connectors-table").locator("tr", { hasText: "erp" });
      await containsText(row, "REST");
      await containsText(row, "https://erp.example.test/api");
      await containsText(row, "bearer · secret set");
      await containsText(row, "sales_order.create");
      await screenshot(page, "41-connectors");

      // The token is stored, and shown by the API only as set: masked, with its last four characters.
      const stored = await fetchInPage(page, "/api/v1/connectors/erp");
      expect(stored.status).toBe(200);
      expect(stored.body.config.auth).toEqual({ type: "bearer", token: "••••abcd" });
      expect(stored.body.config.headers).toEqual({ "X-Company": "01" });
      expect(stored.text).not.toContain(TOKEN.slice(0, 12));

      // Editing shows the secret as set, never its value, and leaving it empty keeps it.
      await row.getByRole("button", { name: "Edit erp" }).click();
      const edit = page.getByRole("dialog", { name: "Edit erp" });
      await containsText(edit.getByTestId("secret-state"), "set");
      expect(await edit.getByLabel(/^Replace the token/).inputValue()).toBe("");
      expect(
        await edit.locator("input").evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value)),
      ).not.toContain(TOKEN);
      await edit.getByLabel("Description").fill("Orders and prices to the ERP");
      await edit.getByLabel("Timeout (milliseconds)").fill("5000");
      await screenshot(page, "42-connector-edit");
      await edit.getByRole("button", { name: "Save connector" }).click();
      await containsText(row, "Orders and prices to the ERP");
      const edited = await fetchInPage(page, "/api/v1/connectors/erp");
      expect(edited.body.config.timeout_ms).toBe(5000);
      expect(edited.body.config.auth).toEqual({ type: "bearer", token: "••••abcd" });

      await row.getByRole("button", { name: "Delete erp" }).click();
      await page
        .getByRole("dialog", { name: "Delete this connector?" })
        .getByRole("button", { name: "Delete connector" })
        .click();
      await visible(page.getByText("No connectors yet"));
      expect((await fetchInPage(page, "/api/v1/connectors/erp")).status).toBe(404);
    });

    it("adds a REST connector with OAuth2 client credentials, its client secret shown only as set", async () => {
      const secret = "cs-live-oauth-0123456789wxyz";
      await page.goto("/settings/connectors");
      await page.getByRole("button", { name: "Add connector" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a connector" });
      await dialog.getByRole("textbox", { name: /^Name/ }).fill("bc");
      await dialog.getByLabel("Base URL").fill("https://api.businesscentral.example.test/v2.0");
      await dialog.getByRole("combobox", { name: /^Auth/ }).selectOption("oauth2_client_credentials");
      await dialog.getByLabel("Token URL").fill("https://login.example.test/tenant/oauth2/v2.0/token");
      await dialog.getByLabel("Client ID").fill("crossdock-app");
      await dialog.getByRole("textbox", { name: /^Client secret/ }).fill(secret);
      await dialog.getByLabel("Scope (optional)").fill("https://api.businesscentral.example.test/.default");
      await dialog.getByLabel("Client authentication").selectOption("client_secret_post");
      await dialog.getByLabel("Endpoints (JSON)").fill('{"sales_order.create": {"method": "POST", "path": "/salesOrders"}}');
      await dialog.getByRole("button", { name: "Add connector" }).click();
      const row = page.getByTestId("connectors-table").locator("tr", { hasText: "bc" });
      await containsText(row, "OAuth2 · secret set");

      const stored = await fetchInPage(page, "/api/v1/connectors/bc");
      expect(stored.body.config.auth).toEqual({
        type: "oauth2_client_credentials",
        token_url: "https://login.example.test/tenant/oauth2/v2.0/token",
        client_id: "crossdock-app",
        client_secret: "••••wxyz",
        scope: "https://api.businesscentral.example.test/.default",
        auth_method: "client_secret_post",
      });
      expect(stored.text).not.toContain(secret.slice(0, 12));

      await row.getByRole("button", { name: "Edit bc" }).click();
      const edit = page.getByRole("dialog", { name: "Edit bc" });
      await containsText(edit.getByTestId("secret-state"), "set");
      expect(await edit.getByLabel(/^Replace the client secret/).inputValue()).toBe("");
      expect(await edit.getByLabel("Client ID").inputValue()).toBe("crossdock-app");
      await screenshot(page, "42b-connector-oauth2");
      await edit.getByLabel("Client ID").fill("crossdock-app-2");
      await edit.getByRole("button", { name: "Save connector" }).click();
      await count(page.getByRole("dialog", { name: "Edit bc" }), 0);
      const edited = await fetchInPage(page, "/api/v1/connectors/bc");
      expect(edited.body.config.auth).toMatchObject({ client_id: "crossdock-app-2", client_secret: "••••wxyz" });

      await row.getByRole("button", { name: "Delete bc" }).click();
      await page
        .getByRole("dialog", { name: "Delete this connector?" })
        .getByRole("button", { name: "Delete connector" })
        .click();
      await visible(page.getByText("No connectors yet"));
    });

    it("delegates the admin's tasks to a colleague for a week, lists it, and revokes it", async () => {
      await page.goto("/settings/delegations");
      await page.getByRole("button", { name: "Delegate my tasks" }).click();
      const dialog = page.getByRole("dialog", { name: "Delegate tasks" });
      await dialog.getByLabel("Go to").selectOption({ label: `${CSR.name} (${CSR.email})` });
      await dialog.getByLabel("From").fill(day(0));
      await dialog.getByLabel("To (inclusive)").fill(day(7));
      await dialog.getByRole("button", { name: "Delegate" }).click();
      const row = page.getByTestId("delegations-table").locator("tbody tr").first();
      await containsText(row, PEOPLE.admin.name);
      await containsText(row, CSR.name);
      await containsText(row, "active");
      await screenshot(page, "43-delegations");

      await row.getByRole("button", { name: `Revoke delegation to ${CSR.name}` }).click();
      await page.getByRole("dialog", { name: "End this delegation?" }).getByRole("button", { name: "End delegation" }).click();
      await containsText(row, "revoked");
      await count(row.getByRole("button", { name: /^Revoke/ }), 0);
      const listed = await fetchInPage(page, "/api/v1/delegations");
      expect(listed.body.data).toHaveLength(1);
      expect(listed.body.data[0].revoked_at).not.toBeNull();
    });

    it("changes where tasks are announced, and the change stays after a reload", async () => {
      await page.goto("/settings/task-notifications");
      const form = page.getByTestId("task-notifications-form");
      await containsText(form.getByTestId("webhook-secret-state"), "not set");
      await form.getByLabel("Webhook URL").fill("ftp://hooks.example.test/crossdock");
      await form.getByRole("button", { name: "Save notifications" }).click();
      await visible(form.locator("label.field", { hasText: "Webhook URL" }).locator(".field__error"));

      await form.getByRole("checkbox", { name: /^Email the people/ }).check();
      await form.getByLabel("Webhook URL").fill("https://hooks.example.test/crossdock");
      await form.getByLabel("Secret (optional)").fill("a-signing-secret-0123456789");
      await form.getByRole("button", { name: "Save notifications" }).click();
      await visible(form.getByText("Saved."));

      await page.reload();
      const reloaded = page.getByTestId("task-notifications-form");
      await containsText(reloaded.getByTestId("webhook-secret-state"), "set");
      expect(await reloaded.getByLabel("Webhook URL").inputValue()).toBe("https://hooks.example.test/crossdock");
      expect(await reloaded.getByRole("checkbox", { name: /^Email the people/ }).isChecked()).toBe(true);
      await screenshot(page, "44-task-notifications");
      const settings = await fetchInPage(page, "/api/v1/task-notifications");
      expect(settings.body).toEqual({
        email: true,
        webhook_url: "https://hooks.example.test/crossdock",
        webhook_secret_set: true,
      });
    });

    it("creates a work queue for a role and a person", async () => {
      await page.goto("/settings/work-queues");
      await page.getByRole("button", { name: "Create queue" }).click();
      const dialog = page.getByRole("dialog", { name: "Create a work queue" });
      await dialog.getByRole("textbox", { name: /^Name/ }).fill("pricing-desk");
      await dialog.getByLabel("What it is for").fill("Prices below the floor");
      await dialog.getByRole("checkbox", { name: "Operations manager" }).check();
      await dialog.getByRole("checkbox", { name: CSR.name }).check();
      await dialog.getByRole("button", { name: "Create queue" }).click();
      const row = page.getByTestId("work-queues-table").locator("tr", { hasText: "pricing-desk" });
      await containsText(row, "Prices below the floor");
      await containsText(row, "Operations manager");
      await containsText(row, CSR.name);
      await screenshot(page, "45-work-queues");
    });

    it("reassigns an open task to another person, with a reason in its history", async () => {
      // A pricing exception below the floor waits for a manager: item I-00001 costs 2.00, so 1.00 is below it.
      await expectStatus(
        app.operator("POST", "/api/v1/records/items", {
          tenant: "acme",
          json: [{ ...makeItems(1)[0], list_price: 2.75, status: "discontinued", standard_cost: 2 }],
        }),
        200,
        "item cost",
      );
      const run = await expectStatus<{ status: string; wait: { task_id: string | null } | null }>(
        app.operator("POST", "/api/v1/runs", {
          tenant: "acme",
          json: {
            flow: "pricing-exception",
            input: {
              sales_order_external_id: "SO-1042",
              line_number: 1,
              proposed_unit_price: "1.00",
              requested_by: { type: "system", id: "e2e", label: "Pricing desk" },
            },
            wait_seconds: 20,
          },
        }),
        201,
        "pricing exception",
      );
      expect(run.status).toBe("waiting");
      const taskId = run.wait?.task_id as string;
      expect(taskId).toBeTruthy();

      await page.goto(`/inbox/${taskId}`);
      await containsText(page.locator(".page-header__subtitle"), "for Operations manager");
      await page.getByRole("button", { name: "Reassign" }).click();
      const dialog = page.getByRole("dialog", { name: "Reassign this task" });
      await dialog.getByRole("radio", { name: "A person" }).check();
      await dialog.getByRole("combobox", { name: /^Person/ }).selectOption({ label: `${OPS.name} (${OPS.email})` });
      await dialog.getByLabel("Reason").fill("Olga covers pricing this week");
      await screenshot(page, "46-reassign-dialog");
      await dialog.getByRole("button", { name: "Reassign" }).click();

      await containsText(page.locator(".page-header__subtitle"), `for ${OPS.name}`);
      const history = page.getByTestId("task-history");
      await containsText(history, `reassigned by ${PEOPLE.admin.name} to ${OPS.name}`);
      await containsText(history, "Olga covers pricing this week");
      await screenshot(page, "47-task-reassigned");
      const task = await fetchInPage(page, `/api/v1/tasks/${taskId}`);
      expect(task.body.task.assignee.type).toBe("user");
      expect(task.body.task.status).toBe("open");

      // …and to the work queue made above.
      await page.getByRole("button", { name: "Reassign" }).click();
      await dialog.getByRole("radio", { name: "A work queue" }).check();
      await dialog.getByRole("combobox", { name: /^Queue/ }).selectOption("pricing-desk");
      await dialog.getByRole("button", { name: "Reassign" }).click();
      await containsText(page.locator(".page-header__subtitle"), "for Queue pricing-desk");
    });

    it("shows each section only to those whose scopes allow it", async () => {
      // A CSR works tasks: delegations yes, connectors and queues to read, task notifications no.
      const { page: csr } = await app.newPage();
      await signIn(csr, "acme", CSR.email);
      await csr.goto("/settings/delegations");
      const subnav = csr.getByRole("navigation", { name: "Settings" });
      await visible(subnav.getByRole("link", { name: "Delegations" }));
      await visible(subnav.getByRole("link", { name: "Connectors" }));
      await count(subnav.getByRole("link", { name: "Task notifications" }), 0);
      await count(subnav.getByRole("link", { name: "Users and roles" }), 0);
      // Without users:read, the CSR picks the colleague by name from the people directory.
      expect((await fetchInPage(csr, "/api/v1/users")).status).toBe(403);
      await csr.getByRole("button", { name: "Delegate my tasks" }).click();
      const delegate = csr.getByRole("dialog", { name: "Delegate tasks" });
      await delegate.getByLabel("Go to").selectOption({ label: `${OPS.name} (${OPS.email})` });
      await count(delegate.getByPlaceholder("usr_…"), 0);
      await delegate.getByLabel("From").fill(day(1));
      await delegate.getByLabel("To (inclusive)").fill(day(3));
      await delegate.getByRole("button", { name: "Delegate" }).click();
      const given = csr.getByTestId("delegations-table").locator("tbody tr", { hasText: OPS.name });
      await containsText(given, CSR.name);
      await containsText(given, "scheduled");
      await visible(given.getByRole("button", { name: `Revoke delegation to ${OPS.name}` }));
      await csr.goto("/settings/connectors");
      await visible(csr.getByRole("heading", { name: "Connectors" }));
      await count(csr.getByRole("button", { name: "Add connector" }), 0);
      await csr.goto("/settings/work-queues");
      await visible(csr.getByTestId("work-queues-table"));
      await containsText(csr.getByTestId("work-queues-table").locator("tr", { hasText: "pricing-desk" }), CSR.name);
      await count(csr.getByRole("button", { name: "Create queue" }), 0);
      await count(csr.getByRole("button", { name: /^Edit/ }), 0);
      await csr.goto("/settings/task-notifications");
      await containsText(csr.getByTestId("forbidden"), "tasks:admin");
      await screenshot(csr, "48-csr-settings");

      // The Reassign dialog offers the CSR people by name, not only queues and roles.
      const inbox = await fetchInPage(csr, "/api/v1/tasks?view=mine");
      const queued = inbox.body.data.find((task: { assignee: { id: string } }) => task.assignee.id === "pricing-desk");
      expect(queued, JSON.stringify(inbox.body)).toBeTruthy();
      await csr.goto(`/inbox/${queued.id}`);
      await csr.getByRole("button", { name: "Reassign" }).click();
      const reassign = csr.getByRole("dialog", { name: "Reassign this task" });
      await expect.poll(() => reassign.getByRole("radio", { name: "A person" }).isChecked()).toBe(true);
      await reassign.getByRole("combobox", { name: /^Person/ }).selectOption({ label: `${OPS.name} (${OPS.email})` });
      await reassign.getByRole("button", { name: "Cancel" }).click();

      // A viewer sees none of them, and the API agrees.
      const { page: viewer } = await app.newPage();
      await signIn(viewer, "acme", PEOPLE.viewer.email);
      for (const [path, scope] of [
        ["/settings/connectors", "actions:read"],
        ["/settings/delegations", "tasks:decide"],
        ["/settings/work-queues", "tasks:read"],
        ["/settings/task-notifications", "tasks:admin"],
      ] as const) {
        await viewer.goto(path);
        await containsText(viewer.getByTestId("forbidden"), scope);
      }
      expect((await fetchInPage(viewer, "/api/v1/connectors")).status).toBe(403);
      expect((await fetchInPage(viewer, "/api/v1/task-notifications")).status).toBe(403);
    });

    it("finds and names a colleague beyond the people directory's first 200, by searching the server", async () => {
      // 205 people whose names come first, then Zoe: the directory's first page holds none of Cass, Olga or Zoe.
      const fillers = Array.from({ length: 205 }, (_, index) => ({
        email: `filler${String(index).padStart(3, "0")}@acme.example`,
        name: `Aaron Filler ${String(index).padStart(3, "0")}`,
        roles: ["viewer"],
      }));
      for (let start = 0; start < fillers.length; start += 15) {
        await Promise.all(
          fillers
            .slice(start, start + 15)
            .map((person) =>
              expectStatus(
                app.operator("POST", "/api/v1/users", { tenant: "acme", json: { ...person, password: PASSWORD } }),
                201,
                person.email,
              ),
            ),
        );
      }
      const zoe = await expectStatus<{ id: string }>(
        app.operator("POST", "/api/v1/users", { tenant: "acme", json: { ...ZOE, password: PASSWORD } }),
        201,
        ZOE.email,
      );

      // The CSR (no users:read) delegates to Zoe: not in the list until searched for, by her surname.
      const { page: csr } = await app.newPage();
      await signIn(csr, "acme", CSR.email);
      const directory = await fetchInPage(csr, "/api/v1/people?limit=200");
      expect(directory.body.data).toHaveLength(200);
      expect(directory.body.next_cursor).toEqual(expect.any(String));
      await csr.goto("/settings/delegations");
      await csr.getByRole("button", { name: "Delegate my tasks" }).click();
      const dialog = csr.getByRole("dialog", { name: "Delegate tasks" });
      const goTo = dialog.getByRole("combobox", { name: "Go to" });
      const find = dialog.getByRole("searchbox", { name: "Find a colleague" });
      await containsText(dialog.getByRole("status"), "The first 200 people by name");
      await count(goTo.locator("option", { hasText: ZOE.name }), 0);
      await find.fill("zimm");
      await containsText(dialog.getByRole("status"), "1 person matches “zimm”.");
      // Enter moves on to the list rather than sending the form.
      await find.press("Enter");
      await expect.poll(() => goTo.evaluate((list) => list === list.ownerDocument.activeElement)).toBe(true);
      await visible(dialog);
      await goTo.selectOption({ label: `${ZOE.name} (${ZOE.email})` });
      await dialog.getByLabel("From").fill(day(10));
      await dialog.getByLabel("To (inclusive)").fill(day(12));
      await screenshot(csr, "49-person-search");
      expect(await seriousViolations(csr), "delegation with a people search").toEqual([]);
      await dialog.getByRole("button", { name: "Delegate" }).click();
      const delegation = csr.getByTestId("delegations-table").locator("tbody tr", { hasText: ZOE.name });
      await containsText(delegation, CSR.name);
      // Afresh (nothing cached from the search), the list still names Zoe: looked up by her id.
      await csr.reload();
      await containsText(csr.getByTestId("delegations-table").locator("tbody tr", { hasText: ZOE.name }), CSR.name);
      const delegations = await fetchInPage(csr, "/api/v1/delegations");
      expect(delegations.body.data.some((row: { delegate_user_id: string }) => row.delegate_user_id === zoe.id)).toBe(true);

      // An administrator reassigns the queue's task to Zoe, found the same way…
      const open = await fetchInPage(page, "/api/v1/tasks?view=all&status=open");
      const queued = open.body.data.find((task: { assignee: { id: string } }) => task.assignee.id === "pricing-desk");
      expect(queued, JSON.stringify(open.body)).toBeTruthy();
      await page.goto(`/inbox/${queued.id}`);
      await page.getByRole("button", { name: "Reassign" }).click();
      const reassign = page.getByRole("dialog", { name: "Reassign this task" });
      await expect.poll(() => reassign.getByRole("radio", { name: "A person" }).isChecked()).toBe(true);
      await reassign.getByRole("searchbox", { name: "Find a person" }).fill("zoe@");
      await containsText(reassign.getByRole("status"), "1 person matches “zoe@”.");
      await reassign.getByRole("combobox", { name: /^Person/ }).selectOption({ label: `${ZOE.name} (${ZOE.email})` });
      await reassign.getByLabel("Reason").fill("Zoe buys for this customer");
      await reassign.getByRole("button", { name: "Reassign" }).click();
      await containsText(page.locator(".page-header__subtitle"), `for ${ZOE.name}`);
      const task = await fetchInPage(page, `/api/v1/tasks/${queued.id}`);
      expect(task.body.task.assignee).toEqual({ type: "user", id: zoe.id });
      // …and the CSR, who cannot list users, sees the task is for her, and who moved it, by name.
      await csr.goto(`/inbox/${queued.id}`);
      await containsText(csr.locator(".page-header__subtitle"), `for ${ZOE.name}`);
      await containsText(csr.getByTestId("task-history"), `reassigned by ${PEOPLE.admin.name} to ${ZOE.name}`);

      // An administrator adds Zoe to a work queue the same way.
      await page.goto("/settings/work-queues");
      const row = page.getByTestId("work-queues-table").locator("tr", { hasText: "pricing-desk" });
      await row.getByRole("button", { name: /^Edit/ }).click();
      const edit = page.getByRole("dialog", { name: /pricing-desk/ });
      await visible(edit.getByRole("checkbox", { name: CSR.name }));
      await count(edit.getByRole("checkbox", { name: ZOE.name }), 0);
      await edit.getByRole("searchbox", { name: "Find people to add" }).fill("Zimmer");
      await edit.getByRole("checkbox", { name: ZOE.name }).check();
      await edit.getByRole("button", { name: "Save queue" }).click();
      await containsText(row, ZOE.name);
      await containsText(row, CSR.name);
    });
  },
);
