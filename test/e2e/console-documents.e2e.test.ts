import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invoiceText, pdfOf } from "../../src/platform/testing/sample-documents.ts";
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

/** An AP clerk: reads, sends in and reviews documents, and may not read a quarantined file again. */
const CLERK = { email: "cleo@acme.example", name: "Cleo Clerk", roles: ["ap_clerk"] };

/** Files are read in the background: what an upload brings shows up within a few seconds. */
const READ = 30_000;

describe.skipIf(chromiumMissing)(
  "console: documents — upload, the review queue, reviewing from the keyboard, quarantine, figures",
  { timeout: 180_000 },
  () => {
    let app: ConsoleUnderTest;
    let page: Page;
    let folder: string;
    /** The files the tests upload, by name: path on disk. */
    const files: Record<string, string> = {};
    const acme = <T = Body>(method: string, url: string, json?: unknown) =>
      app.operator<T>(method, url, { tenant: "acme", json });
    /** The review queue's document read from `fileName`, as the API lists it. */
    const queued = async (fileName: string): Promise<Body> => {
      const queue = await expectStatus<Body>(acme("GET", "/api/v1/documents?status=review"), 200, "queue");
      const found = queue.data.find((document: Body) => document.file_name === fileName);
      if (!found) throw new Error(`${fileName} is not in the review queue`);
      return found;
    };
    const queueRow = (number: string) => page.getByTestId("documents-table").locator("tbody tr", { hasText: number });
    const upload = async (name: string) => {
      await page.getByLabel("Upload a document").setInputFiles(files[name] as string);
      await containsText(page.getByTestId("upload-result"), name);
    };

    beforeAll(async () => {
      folder = await mkdtemp(path.join(os.tmpdir(), "crossdock-e2e-documents-"));
      const made: Record<string, Buffer> = {
        // The total printed is not what the lines, subtotal, tax and freight make: held for a person.
        "inv-1001.pdf": await pdfOf([invoiceText("INV-1001").replace("Total           35.00", "Total           53.00")]),
        // No invoice number: held, the number to be given or the invoice rejected.
        "inv-no-number.pdf": await pdfOf([invoiceText("INV-1002").replace("Invoice No: INV-1002", "Invoice")]),
        // Reads whole and adds up: straight through.
        "inv-1003.pdf": await pdfOf([invoiceText("INV-1003")]),
        // Not a PDF whatever its name: quarantined.
        "x.pdf": Buffer.from("not a pdf"),
      };
      for (const [name, bytes] of Object.entries(made)) {
        files[name] = path.join(folder, name);
        await writeFile(files[name], bytes);
      }
      app = await startConsoleUnderTest();
      await seedConsoleWorld(app.operator, 10);
      await expectStatus(acme("POST", "/api/v1/users", { ...CLERK, password: PASSWORD }), 201, CLERK.email);
      ({ page } = await app.newPage());
      await signIn(page, "acme", PEOPLE.admin.email);
    }, 120_000);
    afterAll(async () => {
      await app?.stop();
      if (folder) await rm(folder, { recursive: true, force: true });
    });

    it("uploads files through the console; what the machine doubts waits in the queue, saying why", async () => {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /^Documents/ })
        .click();
      await page.waitForURL(/\/documents\/queue$/);
      await containsText(page.getByTestId("documents-empty"), "Nothing waits for review");

      for (const name of ["inv-1001.pdf", "inv-no-number.pdf", "inv-1003.pdf", "x.pdf"]) {
        await upload(name);
        await containsText(page.getByTestId("upload-result"), "received");
      }
      // The same bytes again: said to be a duplicate, not read again.
      await upload("inv-1003.pdf");
      await containsText(page.getByTestId("upload-result"), "same content as a file received before");

      // The two doubtful invoices arrive in the queue, oldest first, each with why it waits.
      await containsText(
        queueRow("INV-1001"),
        "Subtotal, tax and freight add up to the total: expected 35.00, found 53.00",
        READ,
      );
      await containsText(page.getByTestId("documents-table"), "Invoice number was not found", READ);
      const wrongTotal = queueRow("INV-1001");
      await containsText(wrongTotal, "Invoice");
      await containsText(wrongTotal, "Harbor Industrial Supply");
      await containsText(wrongTotal, "53.00");
      await hasText(wrongTotal.locator("td").nth(5), "1");
      await count(page.getByTestId("documents-table").locator("tbody tr"), 2);
      const rows = await page.getByTestId("documents-table").locator("tbody tr").allInnerTexts();
      expect(rows[0]).toContain("INV-1001");
      expect(rows[1]).toContain("no number");
      await screenshot(page, "80-documents-queue");

      // Filters: by kind and by sender.
      await page.getByRole("combobox", { name: "Kind" }).selectOption("credit_note");
      await containsText(page.getByTestId("documents-empty"), "No documents match");
      await page.getByRole("combobox", { name: "Kind" }).selectOption("invoice");
      await count(page.getByTestId("documents-table").locator("tbody tr"), 2);
      await page.getByRole("searchbox", { name: "Sender" }).fill("nobody we know");
      await containsText(page.getByTestId("documents-empty"), "No documents match");
      await page.getByRole("searchbox", { name: "Sender" }).fill("harbor");
      await count(page.getByTestId("documents-table").locator("tbody tr"), 2);
      expect(new URL(page.url()).searchParams.get("sender")).toBe("harbor");

      // Every document, with the one that went straight through.
      await page.getByRole("link", { name: "All documents" }).click();
      await containsText(page.getByTestId("documents-table"), "INV-1003", READ);
      await containsText(page.getByTestId("documents-table").locator("tr", { hasText: "INV-1003" }), "Straight through");
    });

    it("reviews a document from the keyboard: the failed check on top, a field corrected where it was read, approved with a", async () => {
      const document = await queued("inv-1001.pdf");
      await page.getByRole("link", { name: "Review queue" }).click();
      await queueRow("INV-1001").getByRole("link", { name: "INV-1001" }).click();
      await page.waitForURL(new RegExp(`/documents/${document.id}`));
      await visible(page.getByRole("heading", { name: /Invoice INV-1001/ }));
      // The reviewer sees which engine read it.
      await containsText(page.getByTestId("document-engine"), "Read by the layout rules");
      // n skips to the next in the queue, and from the last back round to the oldest.
      await page.keyboard.press("n");
      await visible(page.getByRole("heading", { name: /Invoice without a number/ }));
      await page.keyboard.press("n");
      await visible(page.getByRole("heading", { name: /Invoice INV-1001/ }));
      expect(page.url()).toContain(`/documents/${document.id}`);

      const checks = page.getByTestId("failed-checks");
      await containsText(checks, "1 check failed");
      const failed = checks.locator("tbody tr", { hasText: "subtotal, tax and freight add up to the total" });
      await hasText(failed.locator("td").nth(1), "35.00");
      await hasText(failed.locator("td").nth(2), "53.00");
      await hasText(failed.locator("td").nth(3), "18.00");
      await containsText(page.getByTestId("review-shortcuts"), "Approve");
      // The page as read: its words where they stand.
      await containsText(page.getByTestId("document-page"), "Harbor");
      await containsText(page.getByTestId("document-page"), "INV-1001");
      await screenshot(page, "81-document-checks");

      // Down the fields with j to the total; its box on the page is marked.
      const selected = page.locator("[data-selected='true']");
      await visible(selected);
      for (let step = 0; step < 40 && (await selected.getAttribute("data-slot")) !== "field:total"; step++) {
        await page.keyboard.press("j");
      }
      expect(await selected.getAttribute("data-slot")).toBe("field:total");
      await expect.poll(() => page.getByTestId("page-highlight").getAttribute("data-field")).toBe("Total");
      await containsText(selected, "77%");
      // k goes back up, ↓ down again.
      await page.keyboard.press("k");
      expect(await selected.getAttribute("data-slot")).not.toBe("field:total");
      await page.keyboard.press("ArrowDown");
      expect(await selected.getAttribute("data-slot")).toBe("field:total");

      // Enter edits, typing replaces, Enter keeps it.
      await page.keyboard.press("Enter");
      const total = page.getByRole("textbox", { name: "Total", exact: true });
      await expect.poll(() => total.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.type("35.00");
      await page.keyboard.press("Enter");
      expect(await total.inputValue()).toBe("35.00");
      await containsText(selected, "changed");
      await hasText(page.getByTestId("changed-count"), "1 correction");
      await screenshot(page, "82-document-review");
      const violations = await seriousViolations(page);
      expect(
        violations.flatMap((v) => v.targets.map((target) => `${v.id}: ${target}`)),
        "review page",
      ).toEqual([]);

      // a approves; the page moves on to the next in the queue and says what became of this one.
      await page.keyboard.press("a");
      await containsText(page.getByTestId("decided-banner"), "INV-1001 from Harbor Industrial Supply: approved");
      await visible(page.getByRole("heading", { name: /Invoice without a number/ }));

      const approved = await expectStatus<Body>(acme("GET", `/api/v1/documents/${document.id}`), 200, "approved document");
      expect(approved).toMatchObject({
        status: "approved",
        review: { decision: "approve", corrected_fields: { total: { from: "53.00", to: "35.00" } } },
        fields: { total: { value: "35.00" } },
      });
      expect(approved.route).not.toBeNull();

      // Opened again, it shows the decision and the correction, and can no longer be decided.
      await page.getByTestId("decided-banner").getByRole("link", { name: "INV-1001" }).click();
      await containsText(page.getByTestId("document-outcome"), "Approved");
      await containsText(page.getByTestId("corrected-fields"), "53.00 → 35.00");
      await count(page.getByRole("button", { name: /^Approve/ }), 0);
    });

    it("rejects a document with a reason, which it must have", async () => {
      const document = await queued("inv-no-number.pdf");
      await page.goto(`/documents/${document.id}`);
      await containsText(page.getByTestId("review-reasons"), "Invoice number was not found");
      await containsText(page.getByTestId("document-fields").locator("li", { hasText: "Invoice number" }), "not found");
      await page.locator("main h1").click();
      await page.keyboard.press("r");
      const dialog = page.getByRole("dialog", { name: "Reject this document" });
      await visible(dialog);
      await dialog.getByRole("button", { name: "Reject", exact: true }).click();
      await containsText(dialog, "A rejection needs a reason.");
      await dialog.getByRole("textbox", { name: /^Why/ }).fill("No invoice number; asked the supplier for a corrected copy");
      await screenshot(page, "83-document-reject");
      await dialog.getByRole("button", { name: "Reject", exact: true }).click();

      // Nothing else waits: the queue, saying what became of it.
      await page.waitForURL(/\/documents\/queue/);
      await containsText(page.getByTestId("decided-banner"), "rejected");
      await containsText(page.getByTestId("documents-empty"), "Nothing waits for review");
      const rejected = await expectStatus<Body>(acme("GET", `/api/v1/documents/${document.id}`), 200, "rejected document");
      expect(rejected).toMatchObject({
        status: "rejected",
        route: null,
        review: { decision: "reject", comment: "No invoice number; asked the supplier for a corrected copy" },
      });
    });

    it("shows a quarantined file with its reason, and an administrator reads it again", async () => {
      await page.getByRole("link", { name: "Quarantine" }).click();
      const row = page.getByTestId("quarantine-table").locator("tbody tr", { hasText: "x.pdf" });
      await containsText(row, "Not a type that can be read", READ);
      await containsText(row.getByTestId("quarantine-reason"), "neither a PDF");
      await hasText(row.locator("td").nth(4), "1");
      await screenshot(page, "84-documents-quarantine");
      await row.getByRole("button", { name: "Retry x.pdf" }).click();
      // Read again (and, still not a PDF, quarantined again): its second try.
      await hasText(row.locator("td").nth(4), "2");
      await containsText(row, "Quarantined", READ);
      const quarantined = await expectStatus<Body>(acme("GET", "/api/v1/documents/files?status=quarantined"), 200, "files");
      expect(quarantined.data).toContainEqual(expect.objectContaining({ name: "x.pdf", attempts: 2 }));
    });

    it("shows the figures: touchless rate, field accuracy, the queue, by kind and by sender", async () => {
      await page.getByRole("link", { name: "Figures" }).click();
      // Three invoices read, one straight through.
      await hasText(page.getByTestId("figure-touchless"), "33.3%");
      await hasText(page.getByTestId("figure-waiting"), "0");
      await expect.poll(() => page.getByTestId("figure-accuracy").innerText()).toMatch(/^\d+(\.\d)?%$/);
      const invoices = page.getByTestId("stats-by-kind").locator("tr", { hasText: "Invoice" });
      await hasText(invoices.getByTestId("touchless-rate"), "33.3%");
      await containsText(page.getByTestId("stats-by-sender"), "Harbor Industrial Supply");
      await screenshot(page, "85-documents-figures");

      for (const url of ["/documents/queue", "/documents/all", "/documents/quarantine", "/documents/figures"]) {
        await page.goto(url);
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page), url).toEqual([]);
      }
    });

    it("sets the tolerances and the extractor in the settings, saying when no AI provider can read", async () => {
      await page.goto("/settings/documents");
      const form = page.getByTestId("document-settings-form");
      expect(await form.getByLabel("Price tolerance (%)").inputValue()).toBe("1");
      await form.getByLabel("Price tolerance (%)").fill("150");
      await form.getByRole("button", { name: "Save document settings" }).click();
      // More than 100%: the API refuses it, and the form says so at the field.
      await visible(form.locator("label.field", { hasText: "Price tolerance" }).locator(".field__error"));

      await form.getByLabel("Price tolerance (%)").fill("2.5");
      await form.getByLabel("Quantity tolerance (%)").fill("5");
      await form.getByLabel("Read documents with").selectOption("model");
      await containsText(form.getByTestId("no-ai-provider"), "No AI provider is enabled");
      await form.getByRole("button", { name: "Save document settings" }).click();
      await visible(form.getByText("Saved."));
      await screenshot(page, "86-document-settings");
      const settings = await expectStatus<Body>(acme("GET", "/api/v1/documents/settings"), 200, "settings");
      expect(settings).toEqual({ price_tolerance: 0.025, quantity_tolerance: 0.05, extractor: "model" });

      await page.reload();
      const reloaded = page.getByTestId("document-settings-form");
      expect(await reloaded.getByLabel("Price tolerance (%)").inputValue()).toBe("2.5");
      expect(await reloaded.getByLabel("Read documents with").inputValue()).toBe("model");
      expect(await seriousViolations(page), "/settings/documents").toEqual([]);
      // Back to the rules, so the tests after read as shipped.
      await reloaded.getByLabel("Read documents with").selectOption("rules");
      await reloaded.getByRole("button", { name: "Save document settings" }).click();
      await visible(reloaded.getByText("Saved."));
    });

    it("hides what a user's roles do not grant: a clerk reviews and uploads but does not retry; a viewer has no documents", async () => {
      const { page: clerk } = await app.newPage();
      await signIn(clerk, "acme", CLERK.email);
      await clerk.goto("/documents/quarantine");
      await containsText(clerk.getByTestId("quarantine-table"), "x.pdf");
      await count(clerk.getByRole("button", { name: /^Retry/ }), 0);
      await visible(clerk.getByLabel("Upload a document"));

      const { page: viewer } = await app.newPage();
      await signIn(viewer, "acme", PEOPLE.viewer.email);
      await count(viewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Documents/ }), 0);
      await viewer.goto("/documents/queue");
      await containsText(viewer.getByTestId("forbidden"), "documents:read");
    });
  },
);
