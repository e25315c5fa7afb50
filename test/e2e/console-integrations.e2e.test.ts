import { createHmac } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../../src/modules/ingest/index.ts";
import { startTargetServer, type TargetServer } from "../../src/platform/testing/http-target-server.ts";
import { seriousViolations } from "./support/accessibility.ts";
import { expectStatus } from "./support/api.ts";
import { containsText, count, hasText, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { PASSWORD, PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

// The tests read arbitrary JSON bodies and assert on their shape.
// biome-ignore lint/suspicious/noExplicitAny: the assertions are the type check
type Body = any;

/** Someone who watches the integrations (ingest:read, webhooks:read) and may change none of them. */
const OPS = { email: "olga@acme.example", name: "Olga Ops", roles: ["operations_manager"] };

/** An ERP's sales order event, as the ready mapping "generic-erp-sales-order" takes it (its own example, cut down). */
const order = (id: string, status: string) => ({
  event: "sales_order.updated",
  event_id: `evt-${id}`,
  occurred_at: "2026-11-30T09:15:00-05:00",
  data: {
    id,
    number: id.replace(/^SO-/, ""),
    status,
    order_date: "2026-11-30",
    customer: { id: "C-100", name: "Baxter Fabrication" },
    currency: "USD",
    lines: [{ line: 1, item: "I-00001", qty: 10, uom: "EA", unit_price: "2.75", status: "OPEN" }],
  },
});

/**
 * An ERP's REST API serving its item master in pages of `limit`: `{ data, meta: { next_cursor } }`,
 * the cursor an offset (`o10`). `change` edits an item, as a user of the ERP would.
 */
async function startItemsApi() {
  const items = Array.from({ length: 25 }, (_, index) => ({
    id: `I-${String(index + 1).padStart(3, "0")}`,
    sku: `SKU-${index + 1}`,
    name: `Item ${index + 1}`,
    uom: "EA",
    price: `${index + 1}.50`,
  }));
  const server = await startTargetServer({
    handle: (request) => {
      const url = new URL(request.path, "http://erp.local");
      if (url.pathname !== "/api/items") return { status: 404, body: { error: "no such route" } };
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const offset = Number((url.searchParams.get("cursor") ?? "o0").slice(1));
      const more = offset + limit < items.length;
      return {
        status: 200,
        body: { data: items.slice(offset, offset + limit), meta: { next_cursor: more ? `o${offset + limit}` : null } },
      };
    },
  });
  return {
    url: server.url,
    change: (id: string, name: string) => {
      const item = items.find((candidate) => candidate.id === id);
      if (item) item.name = name;
    },
    close: server.close,
  };
}

/** What an editor holds up to the end of its selection: where a problem's button put the caret. */
const textBeforeCaret = (editor: Locator) =>
  editor.evaluate((element) => {
    const area = element as unknown as { value: string; selectionEnd: number };
    return area.value.slice(0, area.selectionEnd);
  });

describe.skipIf(chromiumMissing)(
  "console: integrations — sources, receipts and quarantine, outbound webhooks",
  { timeout: 120_000 },
  () => {
    let app: ConsoleUnderTest;
    let page: Page;
    let receiver: TargetServer;
    /** The source the tests add through the page, and the secret it showed once. */
    const source = { id: "", path: "", secret: "" };
    let deliveryCount = 0;

    /** Sends a payload to the source as its system would: signed with `secret`, now. */
    const send = async (payload: unknown, delivery: string, secret = source.secret) => {
      const body = JSON.stringify(payload);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`${app.url}${source.path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          [DELIVERY_HEADER]: delivery,
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as Body };
    };
    const acme = <T = Body>(method: string, path: string, json?: unknown) =>
      app.operator<T>(method, path, { tenant: "acme", json });

    beforeAll(async () => {
      receiver = await startTargetServer({ handle: () => ({ status: 204 }) });
      app = await startConsoleUnderTest();
      await seedConsoleWorld(app.operator, 10);
      await expectStatus(acme("POST", "/api/v1/users", { ...OPS, password: PASSWORD }), 201, OPS.email);
      ({ page } = await app.newPage());
      await signIn(page, "acme", PEOPLE.admin.email);
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      await receiver?.close();
    });

    it("adds a webhook source through the page; a signed webhook is processed into a record the receipts link to", async () => {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /^Integrations/ })
        .click();
      await page.waitForURL(/\/integrations\/sources$/);
      await visible(page.getByText("No sources yet"));
      await page.getByRole("link", { name: "Add source" }).click();
      const form = page.getByTestId("new-webhook-source-form");

      // The name the API refuses is said at the field.
      await form.getByRole("textbox", { name: /^Name/ }).fill("ERP Orders");
      await form.getByRole("combobox", { name: /^System/ }).selectOption("erp");
      await form.getByRole("combobox", { name: /^Ready mapping/ }).selectOption({ label: "Generic ERP sales order" });
      await containsText(form.getByTestId("ready-mapping"), "sales_order.created");
      await containsText(form.getByTestId("ready-mapping"), '"event": "sales_order.updated"');
      await form.getByRole("button", { name: "Add source" }).click();
      const nameField = form.locator("label.field", { hasText: "Name" }).first();
      await containsText(nameField.locator(".field__error"), "lower-case letters, digits and dashes");
      expect(await form.getByRole("textbox", { name: /^Name/ }).getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "60-source-add-field-error");

      await form.getByRole("textbox", { name: /^Name/ }).fill("erp-orders");
      await form.getByRole("button", { name: "Add source" }).click();
      const created = page.getByTestId("created-source");
      await visible(created);
      source.secret = (await created.getByTestId("signing-secret").innerText()).trim();
      expect(source.secret).toMatch(/^[0-9a-f]{64}$/);
      const url = (await created.getByTestId("webhook-url").innerText()).trim();
      expect(url).toMatch(new RegExp(`^${app.url}/api/v1/ingest/webhooks/src_[0-9a-z]+$`));
      source.path = new URL(url).pathname;
      source.id = source.path.split("/").at(-1) as string;
      await containsText(created.getByTestId("signing-recipe"), "x-crossdock-signature");
      await containsText(created.getByTestId("signing-recipe"), "timestamp.body");
      await screenshot(page, "61-source-created");
      // The secret was shown this once: the API never gives it again.
      const stored = await expectStatus<Body>(acme("GET", `/api/v1/ingest/sources/${source.id}`), 200, "source");
      expect(JSON.stringify(stored)).not.toContain(source.secret);

      expect(await send(order("SO-7001", "OPEN"), "d-7001")).toMatchObject({ status: 202 });
      await created.getByRole("link", { name: "Go to erp-orders" }).click();
      const row = page.getByTestId("receipts-table").locator("tbody tr").first();
      await containsText(row, "processed");
      await containsText(row, "Sales order SO-7001");
      await hasText(
        page.getByTestId("source-health").locator(".count-tile", { hasText: "Received, last hour" }).locator("dd"),
        "1",
      );
      await screenshot(page, "62-source-page");

      await page.goto("/integrations/sources");
      const sourceRow = page.getByTestId("sources-table").locator("tr", { hasText: "erp-orders" });
      await containsText(sourceRow, "Webhook");
      await containsText(sourceRow, "ERP");
      await containsText(sourceRow, "active");
      await containsText(sourceRow, url);
      await screenshot(page, "63-sources");

      // From the receipt to the record it wrote.
      await page.goto(`/integrations/sources/${source.id}`);
      await page.getByTestId("receipts-table").getByRole("link", { name: "Sales order SO-7001" }).click();
      await page.waitForURL(/\/records\/sales-orders\/so_/);
      await containsText(page.locator("main h1"), "7001");
    });

    it("adds a file drop through the page: a CSV dropped in its folder becomes items", async () => {
      await page.goto("/integrations/sources/new");
      await page.getByRole("radio", { name: /^File drop/ }).check();
      const form = page.getByTestId("new-file-drop-form");
      await form.getByRole("textbox", { name: /^Name/ }).fill("erp-items");
      await form.getByRole("textbox", { name: /^Settle seconds/ }).fill("0");
      // An SFTP server's host key written wrong is refused, and said at its field.
      await form.getByRole("radio", { name: "An SFTP server" }).check();
      await form.getByRole("textbox", { name: /^Host$/ }).fill("sftp.example");
      await form.getByRole("textbox", { name: /^User name/ }).fill("crossdock");
      await form.getByRole("textbox", { name: /^Password/ }).fill("secret");
      await form.getByRole("textbox", { name: /^Host key fingerprint/ }).fill("MD5:12:34");
      await form.getByRole("button", { name: "Add file drop" }).click();
      const fingerprintField = form.locator("label.field", { hasText: "Host key fingerprint" });
      await containsText(fingerprintField.locator(".field__error"), "as ssh-keygen -l prints it");
      expect(await form.getByRole("textbox", { name: /^Host key fingerprint/ }).getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "63a-file-drop-field-error");

      await form.getByRole("radio", { name: "A folder on this server" }).check();
      await form.getByRole("textbox", { name: /^Folder/ }).fill("erp/items");
      await form.getByRole("button", { name: "Add file drop" }).click();
      const created = page.getByTestId("created-source");
      await containsText(created, "processed/");
      expect(await created.getByTestId("signing-secret").count()).toBe(0);
      await screenshot(page, "63b-file-drop-created");

      const drop = await expectStatus<Body>(acme("GET", "/api/v1/ingest/file-drops/erp-items"), 200, "file drop");
      expect(drop).toMatchObject({ format: { type: "csv", header_row: 1 }, settle_seconds: 0 });
      expect(drop.location.path).toMatch(/erp\/items$/);
      // Dropped whole, as a careful writer does: written as .part, then renamed.
      const file = path.join(drop.location.path, "items.csv");
      await writeFile(`${file}.part`, "Item No,Description,UOM,List Price\nI-9001,Hex bolt M8,ea,0.25\n");
      await rename(`${file}.part`, file);
      // The drop lists its folder every 5 s besides watching it (a watch can miss a rename), so this may take a while.
      await expect
        .poll(
          async () =>
            (await acme("GET", `/api/v1/ingest/file-imports?drop=${drop.id}`)).body?.data?.map(
              (i: { status: string }) => i.status,
            ),
          { timeout: 60_000, interval: 250 },
        )
        .toEqual(["processed"]);
      await page.goto("/records/items");
      await containsText(page.locator("main"), "Hex bolt M8");
      // The drop's page shows where its files are, and the file with what it did and where it went.
      await page.goto(`/integrations/sources/${drop.id}`);
      await containsText(page.getByTestId("file-drop-connection"), "erp/items");
      const imported = page.getByTestId("file-imports").locator("tr", { hasText: "items.csv" });
      await containsText(imported, "processed");
      await containsText(imported, "1 row · 1 written");
      await containsText(imported, "processed/");

      // Its settings are changed on its page: which files it takes and how long they settle; a bad header row is refused at its field.
      const connection = page.getByTestId("file-drop-connection");
      await connection.getByRole("button", { name: "Change its settings" }).click();
      const edit = page.getByTestId("edit-file-drop-form");
      expect(await edit.getByRole("textbox", { name: /^Folder/ }).inputValue()).toBe("erp/items");
      await edit.getByRole("textbox", { name: /^File names/ }).fill("items-*.csv");
      await edit.getByRole("textbox", { name: /^Settle seconds/ }).fill("5");
      await edit.getByRole("textbox", { name: /^Header row/ }).fill("first");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await visible(edit.locator("label.field", { hasText: /^Header row/ }).locator(".field__error"));
      const violations = await seriousViolations(page);
      expect(
        violations.flatMap((v) => v.targets.map((target) => `${v.id}: ${target}`)),
        "file drop settings",
      ).toEqual([]);
      await edit.getByRole("textbox", { name: /^Header row/ }).fill("1");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await containsText(connection, "items-*.csv");
      await containsText(connection, "held 5 s");
      const changed = await expectStatus<Body>(acme("GET", "/api/v1/ingest/file-drops/erp-items"), 200, "file drop");
      expect(changed).toMatchObject({ pattern: "items-*.csv", settle_seconds: 5, format: { type: "csv", header_row: 1 } });
      expect(changed.location.path).toBe(drop.location.path);

      await page.goto("/integrations/sources");
      await containsText(page.getByTestId("sources-table").locator("tr", { hasText: "erp-items" }), "File drop");
    });

    it("adds a pull connector through the page: a REST API is read into items, run again now, and paused", async () => {
      const erp = await startItemsApi();
      try {
        await page.goto("/integrations/sources/new");
        await page.getByRole("radio", { name: /^Pull connector/ }).check();
        const form = page.getByTestId("new-pull-connector-form");
        await form.getByRole("textbox", { name: /^Name/ }).fill("erp-api");
        await form.getByRole("textbox", { name: /^Base URL/ }).fill(`${erp.url}/api`);
        await form.getByRole("textbox", { name: /^Resource name/ }).fill("items");
        // A path without its leading / is refused at its field.
        await form.getByRole("textbox", { name: /^Path/ }).fill("items");
        await form.getByRole("combobox", { name: /^Paging/ }).selectOption({ label: "A cursor the answer names" });
        // Choosing cursor paging offers the parameter that carries it.
        expect(await form.getByRole("textbox", { name: /^Query parameters/ }).inputValue()).toBe("cursor={cursor}");
        await form.getByRole("textbox", { name: /^Query parameters/ }).fill("limit={page_size}\ncursor={cursor}");
        await form.getByRole("textbox", { name: /^Items at/ }).fill("data");
        await form.getByRole("textbox", { name: /^Next cursor at/ }).fill("meta.next_cursor");
        await form.getByRole("textbox", { name: /^Page size/ }).fill("10");
        await form.getByRole("radio", { name: "My own mapping (JSON)" }).check();
        const fields = {
          external_id: "id",
          sku: "sku",
          name: "name",
          base_uom: "uom",
          list_prise: "price",
          currency: { const: "USD" },
        };
        const editor = form.getByLabel("Mapping (JSON)", { exact: true });
        await editor.fill(JSON.stringify({ version: 1, records: [{ type: "item", fields }] }, null, 2));
        await form.getByRole("button", { name: "Add connector" }).click();
        await containsText(form.locator("label.field", { hasText: /^Path/ }).locator(".field__error"), "starts with /");
        expect(await form.getByRole("textbox", { name: /^Path/ }).getAttribute("aria-invalid")).toBe("true");
        await form.getByRole("textbox", { name: /^Path/ }).fill("/items");
        // So is a field the record type does not have, shown at its line of the mapping.
        await form.getByRole("button", { name: "Add connector" }).click();
        await containsText(form.getByTestId("mapping-problems"), "list_prise");
        await screenshot(page, "63c-pull-connector-mapping-problem");
        await editor.fill((await editor.inputValue()).replace("list_prise", "list_price"));
        await form.getByRole("button", { name: "Add connector" }).click();

        const created = page.getByTestId("created-source");
        await containsText(created.getByTestId("pull-connection"), `${erp.url}/api`);
        await created.getByRole("link", { name: "Go to erp-api-items" }).click();
        await page.waitForURL(/\/integrations\/sources\/src_/);
        // It runs once when added: three pages of ten, every item written.
        const lastRun = page.getByTestId("pull-last-run");
        await containsText(lastRun, "succeeded", 30_000);
        await containsText(lastRun, "25 read · 25 written");
        await screenshot(page, "63d-pull-connector-page");

        erp.change("I-003", "Item three");
        await page.getByRole("button", { name: "Run now" }).click();
        await containsText(page.getByTestId("pull-runs").locator("tbody tr").first(), "run now", 30_000);
        await containsText(lastRun, "25 read · 1 written · 24 unchanged", 30_000);
        const item = await expectStatus<Body>(acme("GET", "/api/v1/records/items/by-external-id/erp-api/I-003"), 200, "item");
        expect(item.name).toBe("Item three");

        // How often it reads is changed in place: 5 s is refused at the field, 2 h taken.
        const interval = page.getByTestId("pull-interval-form");
        await interval.getByRole("textbox", { name: /^Read every/ }).fill("5");
        await interval.getByRole("button", { name: "Change" }).click();
        await visible(interval.locator(".field__error"));
        await interval.getByRole("textbox", { name: /^Read every/ }).fill("7200");
        await interval.getByRole("button", { name: "Change" }).click();
        await containsText(page.getByTestId("pull-connection").locator(".kv-grid"), "2 h");
        const every = await expectStatus<Body>(acme("GET", "/api/v1/ingest/pull-connectors/erp-api"), 200, "connector");
        expect(every.interval_seconds).toBe(7200);

        // Its connection and resource are changed on its page: a page size of 0 is refused at the
        // field; 5 is taken with a key in a header, and the mapping stays; opened again, the key
        // shows as set and is kept when left empty.
        const pullConnection = page.getByTestId("pull-connection");
        await pullConnection.getByRole("button", { name: "Change its settings" }).click();
        const edit = page.getByTestId("edit-pull-connector-form");
        expect(await edit.getByRole("textbox", { name: /^Next cursor at/ }).inputValue()).toBe("meta.next_cursor");
        await edit.getByRole("textbox", { name: /^Page size/ }).fill("0");
        await edit.getByRole("combobox", { name: /^Auth/ }).selectOption({ label: "A header with a key" });
        await edit.getByRole("textbox", { name: /^Header name/ }).fill("X-Api-Key");
        await edit.getByLabel(/^Header value/).fill("k-erp-1");
        await edit.getByRole("button", { name: "Save changes" }).click();
        await containsText(edit.locator("label.field", { hasText: /^Page size/ }).locator(".field__error"), "1");
        await edit.getByRole("textbox", { name: /^Page size/ }).fill("5");
        await edit.getByRole("button", { name: "Save changes" }).click();
        await visible(pullConnection.getByRole("button", { name: "Change its settings" }));
        const changed = await expectStatus<Body>(acme("GET", "/api/v1/ingest/pull-connectors/erp-api"), 200, "connector");
        expect(changed.resources.items.page_size).toBe(5);
        expect(changed.resources.items.paging).toEqual({ type: "cursor", next_cursor_path: "meta.next_cursor" });
        expect(changed.resources.items.mapping.records[0].fields.list_price).toBe("price");
        expect(changed.connection.auth).toMatchObject({ type: "api_key", in: "header", name: "X-Api-Key" });
        expect(changed.connection.auth.value).toMatch(/^••••/);
        await pullConnection.getByRole("button", { name: "Change its settings" }).click();
        await visible(edit.getByTestId("secret-state"));
        await edit.getByRole("button", { name: "Save changes" }).click();
        await visible(pullConnection.getByRole("button", { name: "Change its settings" }));
        const kept = await expectStatus<Body>(acme("GET", "/api/v1/ingest/pull-connectors/erp-api"), 200, "connector");
        expect(kept.connection.auth).toEqual(changed.connection.auth);

        await page.getByRole("button", { name: "Pause the connector" }).click();
        await visible(page.getByRole("button", { name: "Resume the connector" }));
        expect(await page.getByRole("button", { name: "Run now" }).isDisabled()).toBe(true);
        const connector = await expectStatus<Body>(acme("GET", "/api/v1/ingest/pull-connectors/erp-api"), 200, "connector");
        expect(connector.status).toBe("paused");
        await page.goto("/integrations/sources");
        await containsText(page.getByTestId("sources-table").locator("tr", { hasText: "erp-api-items" }), "Pull connector");
      } finally {
        await erp.close();
      }
    });

    it("adds an EDI trading partner through the page: its 850 becomes an order, answered with a 997", async () => {
      await page.goto("/integrations/sources/new");
      await page.getByRole("radio", { name: /^EDI trading partner/ }).check();
      const form = page.getByTestId("new-edi-partner-form");
      await form.getByRole("textbox", { name: /^Name/ }).fill("acme-retail");
      const partner = form.getByRole("group", { name: "The partner", exact: true });
      await partner.getByRole("textbox", { name: /^Interchange id/ }).fill("ACMERETAIL");
      const us = form.getByRole("group", { name: "Us, to the partner" });
      // A qualifier of one character is refused at its field.
      await us.getByRole("textbox", { name: /^Qualifier/ }).fill("Z");
      await us.getByRole("textbox", { name: /^Interchange id/ }).fill("CROSSDOCK");
      await form.getByRole("textbox", { name: /^Customer it is/ }).fill("C-100");
      await form.getByRole("button", { name: "Add trading partner" }).click();
      await containsText(us.locator("label.field", { hasText: /^Qualifier/ }).locator(".field__error"), "two letters or digits");
      await us.getByRole("textbox", { name: /^Qualifier/ }).fill("ZZ");
      await form.getByRole("button", { name: "Add trading partner" }).click();
      const created = page.getByTestId("created-source");
      await containsText(created.getByTestId("edi-connection"), "ZZ:ACMERETAIL");
      await created.getByRole("link", { name: /^Go to .*acme-retail$/ }).click();
      await page.waitForURL(/\/integrations\/sources\/src_/);
      await containsText(page.getByTestId("edi-connection"), "No interchange yet.");

      const pad = (text: string) => text.padEnd(15, " ");
      const x12 = [
        `ISA*00*${" ".repeat(10)}*00*${" ".repeat(10)}*ZZ*${pad("ACMERETAIL")}*ZZ*${pad("CROSSDOCK")}*261206*1200*U*00401*000000101*0*T*>`,
        "GS*PO*ACMERETAIL*CROSSDOCK*20261206*1200*101*X*004010",
        "ST*850*0001",
        "BEG*00*SA*PO-5501**20261206",
        "PO1*1*10*EA*2.75**VP*I-00001",
        "CTT*1",
        "SE*5*0001",
        "GE*1*101",
        "IEA*1*000000101",
      ].join("~\n");
      const answer = await expectStatus<Body>(
        app.operator("POST", "/api/v1/edi/partners/acme-retail/interchanges?wait=true", {
          tenant: "acme",
          body: `${x12}~\n`,
          contentType: "application/edi-x12",
        }),
        200,
        "interchange",
      );
      const row = page.getByTestId("edi-interchanges").locator("tbody tr").first();
      await containsText(row, "ISA13 000000101", 15_000);
      await containsText(row, "850 #0001");
      expect(answer.interchange.sets[0].status, JSON.stringify(answer.interchange.sets[0].problems)).toBe("accepted");
      await containsText(row, "accepted");
      expect((await row.locator("td").last().innerText()).trim()).toBe("1");
      await screenshot(page, "63e-edi-partner-page");

      // Its settings are changed on its page: a customer cleared, an outbox folder named, a bad currency refused at its field.
      const connection = page.getByTestId("edi-connection");
      await connection.getByRole("button", { name: "Change its settings" }).click();
      const edit = page.getByTestId("edit-edi-partner-form");
      expect(await edit.getByRole("textbox", { name: /^Name/ }).isDisabled()).toBe(true);
      expect(await edit.getByRole("textbox", { name: /^Customer it is/ }).inputValue()).toBe("C-100");
      await edit.getByRole("textbox", { name: /^Customer it is/ }).fill("");
      await edit.getByRole("textbox", { name: /^Outbox folder/ }).fill("acme-retail/out");
      await edit.getByRole("textbox", { name: /^Currency/ }).fill("US");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await visible(edit.locator("label.field", { hasText: /^Currency/ }).locator(".field__error"));
      const violations = await seriousViolations(page);
      expect(
        violations.flatMap((v) => v.targets.map((target) => `${v.id}: ${target}`)),
        "settings form",
      ).toEqual([]);
      await edit.getByRole("textbox", { name: /^Currency/ }).fill("CAD");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await containsText(connection, "acme-retail/out");
      await containsText(connection, "named by its documents");
      const stored = await expectStatus<Body>(
        app.operator("GET", "/api/v1/edi/partners/acme-retail", { tenant: "acme" }),
        200,
        "partner",
      );
      expect(stored).toMatchObject({
        customer_external_id: null,
        currency: "CAD",
        outbound: { type: "folder", path: "acme-retail/out" },
        their: { qualifier: "ZZ", id: "ACMERETAIL" },
      });
    });

    it("quarantines a broken payload with its reason; corrected in the page and replayed, it is processed", async () => {
      expect(await send(order("SO-7002", "BOGUS"), "d-7002")).toMatchObject({ status: 202 });
      await page.goto("/integrations/receipts");
      await page.getByLabel("Status").selectOption("quarantined");
      await page.waitForURL(/status=quarantined/);
      const row = page.getByTestId("receipts-table").locator("tbody tr").first();
      await containsText(row, "quarantined");
      await containsText(row, "erp-orders");
      await containsText(row, "Did not map");
      await containsText(row, "data.status");
      await screenshot(page, "64-quarantine");
      await row.getByRole("link", { name: /^rcv_/ }).click();

      const reason = page.getByTestId("quarantine-reason");
      await containsText(reason, "Did not map");
      await containsText(reason, "data.status");
      await containsText(reason, '"BOGUS" is not in the map');
      await containsText(page.getByTestId("payload"), '"status": "BOGUS"');

      // A problem takes the caret to its line in the correction.
      await reason.getByRole("button", { name: /data\.status/ }).click();
      const editor = page.getByLabel("Corrected payload");
      await visible(editor);
      await expect.poll(() => textBeforeCaret(editor)).toMatch(/"status": "BOGUS",?$/);
      expect(await page.locator(".policies-editor__number--problem").count()).toBe(1);
      await screenshot(page, "65-receipt-correct");

      await editor.fill((await editor.inputValue()).replace('"BOGUS"', '"OPEN"'));
      await page.getByRole("button", { name: "Replay the corrected payload" }).click();
      await containsText(page.getByRole("status").filter({ hasText: "Processed" }), "it wrote 1 record");
      await containsText(page.getByTestId("produced-records"), "SO-7002");
      await containsText(page.getByTestId("corrected-payload"), '"status": "OPEN"');
      await containsText(page.getByTestId("payload"), '"status": "BOGUS"');
      await screenshot(page, "66-receipt-replayed");
      const stored = await expectStatus<Body>(
        acme("GET", "/api/v1/records/sales-orders/by-external-id/erp-orders/SO-7002"),
        200,
        "the order the correction wrote",
      );
      expect(stored.status).toBe("open");

      // Nothing is left in quarantine.
      await page.goto("/integrations/receipts?status=quarantined");
      await visible(page.getByText("Nothing in quarantine."));
    });

    it("edits the mapping: the server's problems are shown at their path in the JSON, and the fixed one saves", async () => {
      await page.goto(`/integrations/sources/${source.id}`);
      const panel = page.getByTestId("source-mapping");
      await containsText(panel, "Generic ERP sales order");
      await panel.getByRole("button", { name: "Edit mapping" }).click();
      await panel.getByRole("radio", { name: "My own mapping (JSON)" }).check();
      const editor = panel.getByLabel("Mapping (JSON)", { exact: true });
      const spec = JSON.parse(await editor.inputValue());
      spec.records[0].fields.order_numbr = spec.records[0].fields.order_number;
      delete spec.records[0].fields.order_number;
      await editor.fill(JSON.stringify(spec, null, 2));
      await panel.getByRole("button", { name: "Save mapping" }).click();
      const problems = panel.getByTestId("mapping-problems");
      await containsText(problems, "records[0].fields.order_numbr");
      await containsText(problems, "did you mean order_number?");
      // The field it lacks now is marked where it belongs: on the line of the fields.
      await containsText(problems, "records[0].fields.order_number");
      await count(panel.locator(".policies-editor__number--problem"), 2);
      await screenshot(page, "67-mapping-problems");
      await problems.getByRole("button", { name: /order_numbr/ }).click();
      await expect.poll(() => textBeforeCaret(editor)).toMatch(/"order_numbr": "number",?$/);

      // Fixed, and fitted to the ERP's envelope: the order is under `data`, its lines name `item` and `unit_price`.
      const fixed = JSON.parse((await editor.inputValue()).replace('"order_numbr"', '"order_number"'));
      fixed.records[0].each = "data";
      fixed.records[0].fields.order_date.path = "order_date";
      fixed.records[0].collections.lines.fields.item_external_id = "item";
      fixed.records[0].collections.lines.fields.unit_price = "unit_price";
      await editor.fill(JSON.stringify(fixed, null, 2));
      // Tried before it is saved: a payload the ERP sends, then one it should not.
      const trial = panel.getByTestId("mapping-trial");
      await trial.locator("summary").click();
      const payload = trial.getByLabel("Payload (JSON)", { exact: true });
      await payload.fill(JSON.stringify(order("SO-7009", "OPEN"), null, 2));
      await trial.getByRole("button", { name: "Try it" }).click();
      await containsText(trial.getByTestId("mapping-trial-records"), "It maps to 1 record: sales order.");
      await containsText(trial.getByTestId("mapping-trial-records"), '"external_id": "SO-7009"');
      await payload.fill(
        JSON.stringify({ ...order("SO-7010", "OPEN"), data: { ...order("SO-7010", "OPEN").data, order_date: "yesterday" } }),
      );
      await trial.getByRole("button", { name: "Try it" }).click();
      await containsText(trial.getByTestId("mapping-trial-problems"), "It would be quarantined: 1 problem");
      await containsText(trial.getByTestId("mapping-trial-problems"), "data.order_date");
      await screenshot(page, "67-mapping-trial");
      await panel.getByRole("button", { name: "Save mapping" }).click();
      await containsText(panel.getByRole("status"), "Mapping saved");
      const stored = await expectStatus<Body>(acme("GET", `/api/v1/ingest/sources/${source.id}`), 200, "source");
      expect(stored.mapping.records[0]).toMatchObject({ each: "data", fields: { order_number: "number" } });
      // The source keeps working with its own mapping.
      expect(await send(order("SO-7003", "OPEN"), "d-7003")).toMatchObject({ status: 202 });
      await containsText(page.getByTestId("receipts-table").locator("tbody tr").first(), "Sales order SO-7003");
    });

    it("pauses and resumes a source, and after confirming makes a new secret: the old one is refused", async () => {
      await page.goto(`/integrations/sources/${source.id}`);
      await page.getByRole("button", { name: "Pause" }).click();
      await visible(page.getByTestId("paused-banner"));
      expect((await expectStatus<Body>(acme("GET", `/api/v1/ingest/sources/${source.id}`), 200, "source")).status).toBe("paused");
      await page.getByRole("button", { name: "Resume" }).click();
      await count(page.getByTestId("paused-banner"), 0);

      await page.getByRole("button", { name: "New secret…" }).click();
      const confirm = page.getByRole("dialog", { name: "Make a new signing secret?" });
      await containsText(confirm, "stops working at once");
      await confirm.getByRole("button", { name: "Make a new secret" }).click();
      const shown = page.getByRole("dialog", { name: "The new signing secret" });
      const secret = (await shown.getByTestId("signing-secret").innerText()).trim();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(secret).not.toBe(source.secret);
      await shown.getByRole("button", { name: "Done" }).click();
      expect((await send(order("SO-7004", "OPEN"), "d-7004")).status).toBe(401);
      expect((await send(order("SO-7004", "OPEN"), "d-7004", secret)).status).toBe(202);
      source.secret = secret;
    });

    it("subscribes a receiver to sales order changes: an upsert is delivered, signed, with its attempt; ping, replay, pause, new secret, delete", async () => {
      await page.goto("/integrations/webhooks");
      await visible(page.getByText("No subscriptions"));
      await page.getByRole("button", { name: "Add subscription" }).click();
      const dialog = page.getByRole("dialog", { name: "Add a webhook subscription" });
      await dialog.getByLabel("URL").fill("ftp://erp.example.test/hooks");
      await dialog.getByRole("checkbox", { name: /^records\.sales_order\.upserted/ }).check();
      await dialog.getByLabel("Description (optional)").fill("Order changes to the ERP's listener");
      await dialog.getByRole("button", { name: "Add subscription" }).click();
      await containsText(dialog.locator("label.field", { hasText: "URL" }).first().locator(".field__error"), "http");

      await dialog.getByLabel("URL").fill(`${receiver.url}/hooks/crossdock`);
      await dialog.getByRole("button", { name: "Add subscription" }).click();
      const created = page.getByRole("dialog", { name: "Subscription added" });
      const secret = (await created.getByTestId("signing-secret").innerText()).trim();
      expect(secret).toMatch(/^whsec_/);
      await containsText(created.getByTestId("verification-recipe"), "timestamp.body");
      await screenshot(page, "68-subscription-created");
      await created.getByRole("link", { name: "Open the subscription" }).click();
      await page.waitForURL(/\/integrations\/webhooks\/whs_/);
      await visible(page.getByText("No deliveries yet"));

      // An event it subscribed to: a sales order written through the API.
      await expectStatus(
        acme("POST", "/api/v1/records/sales-orders", [
          {
            source_system: "erp",
            external_id: "SO-8001",
            order_number: "8001",
            customer_external_id: "C-100",
            status: "open",
            order_date: "2026-12-01",
            currency: "USD",
          },
        ]),
        200,
        "sales order",
      );
      const row = page.getByTestId("deliveries-table").locator("tbody tr").first();
      await containsText(row, "records.sales_order.upserted");
      await containsText(row, "delivered");
      await containsText(row, "204 in");
      await row.getByRole("button", { name: /^Attempts/ }).click();
      const attempts = page.getByTestId("attempts-table");
      await containsText(attempts, "delivered");
      await containsText(attempts, "204");
      await containsText(page.locator(".table__detail"), "SO-8001");
      await screenshot(page, "69-deliveries");

      // The receiver got it signed as the recipe says.
      const received = receiver.received.filter((request) => request.path === "/hooks/crossdock");
      expect(received).toHaveLength(1);
      const first = received[0] as (typeof received)[number];
      const expected = createHmac("sha256", secret).update(`${first.headers[TIMESTAMP_HEADER]}.${first.body}`).digest("hex");
      expect(String(first.headers[SIGNATURE_HEADER]).split(",")).toContain(`v1=${expected}`);
      expect((first.json as Body).data.external_id).toBe("SO-8001");
      deliveryCount = received.length;

      await page.getByRole("button", { name: "Send test ping" }).click();
      await containsText(page.getByTestId("ping-result"), "Test ping delivered: 204 in");
      expect(receiver.received.filter((request) => request.headers["x-crossdock-event"] === "webhook.ping")).toHaveLength(1);

      // A replay sends the same delivery again, with a second attempt.
      const orderRow = page.getByTestId("deliveries-table").locator("tr", { hasText: "records.sales_order.upserted" }).first();
      await orderRow.getByRole("button", { name: /^Replay/ }).click();
      await expect
        .poll(
          () =>
            receiver.received.filter(
              (request) => request.path === "/hooks/crossdock" && !request.headers["x-crossdock-event"]?.includes("ping"),
            ).length,
          { timeout: 10_000 },
        )
        .toBe(deliveryCount + 1);
      await count(page.getByTestId("attempts-table").first().locator("tbody tr"), 2);

      // Paused, it says so (deliveries are held); resumed, it sends again.
      await page.getByRole("button", { name: "Pause" }).click();
      await containsText(page.locator(".page-header"), "paused");
      await page.getByRole("button", { name: "Resume" }).click();
      await containsText(page.locator(".page-header"), "active");

      // A new secret, the old one not kept (it leaked): shown once, and its hint is the new one's.
      await page.getByRole("button", { name: "New secret…" }).click();
      const rotate = page.getByRole("dialog", { name: "Make a new signing secret?" });
      await rotate.getByLabel("The old secret also signs for").selectOption("0");
      await rotate.getByRole("button", { name: "Make a new secret" }).click();
      const shown = page.getByRole("dialog", { name: "The new signing secret" });
      const rotated = (await shown.getByTestId("signing-secret").innerText()).trim();
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);
      await shown.getByRole("button", { name: "Done" }).click();
      await containsText(page.locator(".page-header"), rotated.slice(-4));

      await page.getByRole("button", { name: "Delete…" }).click();
      await page
        .getByRole("dialog", { name: "Delete this subscription?" })
        .getByRole("button", { name: "Delete subscription" })
        .click();
      await page.waitForURL(/\/integrations\/webhooks$/);
      await visible(page.getByText("No subscriptions"));
    });

    it("shows an operations manager what they may watch, hides what they may not change, and says why", async () => {
      const { page: ops } = await app.newPage();
      await signIn(ops, "acme", OPS.email);
      await ops.goto("/integrations/sources");
      await visible(ops.getByTestId("sources-table"));
      await count(ops.getByRole("link", { name: "Add source" }), 0);
      await containsText(ops.locator(".banner--info"), "ingest:admin");
      await ops.goto(`/integrations/sources/${source.id}`);
      await visible(ops.getByTestId("source-health"));
      await count(ops.getByRole("button", { name: /^(Pause|Resume|New secret…|Edit mapping)$/ }), 0);
      await ops.goto("/integrations/sources/new");
      await containsText(ops.getByTestId("forbidden"), "ingest:admin");
      await ops.goto("/integrations/webhooks");
      await count(ops.getByRole("button", { name: "Add subscription" }), 0);
      await containsText(ops.locator(".banner--info"), "webhooks:admin");

      // A viewer has no integrations at all: not in the sidebar, and refused by URL with the scopes it needs.
      const { page: viewer } = await app.newPage();
      await signIn(viewer, "acme", PEOPLE.viewer.email);
      await count(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Integrations/ }), 0);
      await viewer.goto("/integrations/receipts");
      await containsText(viewer.getByTestId("forbidden"), "ingest:read");
    });

    it("has no serious accessibility violations on the integrations pages (axe-core, WCAG 2.1 AA)", async () => {
      // A subscription with a failed delivery, and a receipt in quarantine, so their pages show everything they can.
      receiver.answer(() => ({ status: 500, body: "down for maintenance" }));
      const subscription = await expectStatus<Body>(
        acme("POST", "/api/v1/webhook-subscriptions", { url: `${receiver.url}/down`, event_types: ["records.*"] }),
        201,
        "subscription",
      );
      await expectStatus(acme("POST", `/api/v1/webhook-subscriptions/${subscription.id}/ping`), 200, "ping");
      const quarantined = await send(order("SO-7005", "BOGUS"), "d-7005");
      const pages = [
        "/integrations/sources",
        "/integrations/sources/new",
        `/integrations/sources/${source.id}`,
        "/integrations/receipts",
        `/integrations/receipts/${quarantined.body.receipt_id}`,
        "/integrations/webhooks",
        `/integrations/webhooks/${subscription.id}`,
      ];
      for (const path of pages) {
        await page.goto(path);
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page), path).toEqual([]);
      }
      // The receipt's correction, a delivery's attempts, and the forms in their dialogs too.
      await page.goto(`/integrations/receipts/${quarantined.body.receipt_id}`);
      await page.getByRole("button", { name: "Correct the payload…" }).click();
      await visible(page.getByLabel("Corrected payload"));
      await count(page.locator(".policies-editor__number--problem"), 1);
      expect(await seriousViolations(page), "correction").toEqual([]);
      await page.goto(`/integrations/webhooks/${subscription.id}`);
      await page
        .getByTestId("deliveries-table")
        .getByRole("button", { name: /^Attempts/ })
        .first()
        .click();
      await visible(page.getByTestId("attempts-table"));
      expect(await seriousViolations(page), "attempts").toEqual([]);
      await page.getByRole("button", { name: "Edit" }).click();
      await visible(page.getByTestId("event-types"));
      expect(await seriousViolations(page), "subscription form").toEqual([]);
      await screenshot(page, "70-subscription-edit");
      // The pull connector's form, for a REST API and for a SQL database, and a pull source's page.
      await page.goto("/integrations/sources/new");
      await page.getByRole("radio", { name: /^Pull connector/ }).check();
      const pullForm = page.getByTestId("new-pull-connector-form");
      await pullForm.getByRole("combobox", { name: /^Auth/ }).selectOption({ label: "OAuth 2.0 client credentials" });
      expect(await seriousViolations(page), "pull connector form, REST").toEqual([]);
      await pullForm.getByRole("radio", { name: "A SQL database" }).check();
      await visible(pullForm.getByRole("textbox", { name: /^Keyset columns/ }));
      expect(await seriousViolations(page), "pull connector form, SQL").toEqual([]);
      const pullSource = (await acme("GET", "/api/v1/ingest/sources")).body.data.find((s: Body) => s.kind === "pull");
      await page.goto(`/integrations/sources/${pullSource.id}`);
      await visible(page.getByTestId("pull-runs"));
      expect(await seriousViolations(page), "pull source").toEqual([]);
      await page.getByTestId("pull-connection").getByRole("button", { name: "Change its settings" }).click();
      await visible(page.getByTestId("edit-pull-connector-form"));
      expect(await seriousViolations(page), "pull connector change").toEqual([]);
    });
  },
);
