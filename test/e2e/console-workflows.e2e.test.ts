import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./support/accessibility.ts";
import { containsText, count, hasText, visible } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON, screenshot } from "./support/browser.ts";
import { signIn } from "./support/console-under-test.ts";
import { FLOW_PEOPLE, type FlowConsole, startFlowConsole } from "./support/flow-console.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

/**
 * Six pricing exceptions, each below Baxter's contract price of 9.00 on its own order of 1,000
 * units (so each asks a manager, and each write lands on its own path in the ERP):
 * approved with a corrected price, rejected, two approved in bulk, one the ERP refuses (then
 * retried), one cancelled while it waits.
 */
const RUNS = {
  approved: { order: "SO-501", price: "7.50", atStake: "1,500.00 USD" },
  rejected: { order: "SO-502", price: "7.00", atStake: "2,000.00 USD" },
  bulkA: { order: "SO-503", price: "7.80", atStake: "1,200.00 USD" },
  bulkB: { order: "SO-504", price: "7.60", atStake: "1,400.00 USD" },
  refused: { order: "SO-505", price: "7.40", atStake: "1,600.00 USD" },
  cancelled: { order: "SO-506", price: "7.20", atStake: "1,800.00 USD" },
} as const;
type RunKey = keyof typeof RUNS;

describe.skipIf(chromiumMissing)(
  "console: the inbox and workflows, over real pricing-exception runs",
  { timeout: 90_000 },
  () => {
    let app: FlowConsole;
    let page: Page;
    const runIds = {} as Record<RunKey, string>;
    let refuseSo505 = true;
    const taskTitle = (key: RunKey) => `Price below floor on ${RUNS[key].order}`;
    const taskRow = (key: RunKey) => page.getByTestId("task-table").locator("tbody tr", { hasText: taskTitle(key) });

    beforeAll(async () => {
      app = await startFlowConsole(Object.values(RUNS).map((run) => run.order));
      // The ERP refuses any change to SO-505 until told otherwise; it accepts the others.
      app.erp.answer((request) =>
        request.path === `/orders/${RUNS.refused.order}/changes` && refuseSo505
          ? { status: 422, body: { error: "order SO-505 is locked for invoicing" } }
          : { status: 201, body: { data: { id: `CHG-${request.path.split("/")[2]}` } } },
      );
      for (const key of Object.keys(RUNS) as RunKey[]) {
        runIds[key] = await app.priceException(
          RUNS[key].order,
          RUNS[key].price,
          key === "approved" ? "match a competitor" : undefined,
        );
      }
      for (const id of Object.values(runIds)) await app.until(id, ["waiting"]);
      ({ page } = await app.newPage());
    }, 120_000);
    afterAll(() => app?.stop());

    it("shows the manager the open tasks waiting for them, with the money at stake", async () => {
      await signIn(page, "acme", FLOW_PEOPLE.manager.email);
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /^Inbox/ })
        .click();
      await visible(page.getByRole("heading", { name: "Inbox" }));
      // Mine: assigned to a role Olga holds (she could see everyone's, as a task administrator).
      expect(await page.getByRole("combobox", { name: "Show" }).inputValue()).toBe("mine");
      await count(page.getByTestId("task-table").locator("tbody tr"), 6);
      for (const key of Object.keys(RUNS) as RunKey[]) {
        await containsText(taskRow(key), RUNS[key].atStake);
        await containsText(taskRow(key), "Pricing exception");
        await containsText(taskRow(key), "Operations manager");
      }
      await screenshot(page, "13-inbox");
      expect(await seriousViolations(page), "inbox").toEqual([]);
    });

    it("opens a task: why policy asks, the records, the proposal; corrects the price and approves; the ERP gets one write", async () => {
      await taskRow("approved")
        .getByRole("link", { name: taskTitle("approved") })
        .click();
      await visible(page.getByRole("heading", { name: taskTitle("approved") }));
      await hasText(page.getByTestId("task-money"), RUNS.approved.atStake);
      await containsText(page.getByRole("region", { name: "What is asked" }), "7.50 USD a unit is below the floor of 9.00");
      await containsText(page.getByRole("region", { name: "What is asked" }), "Reason given: match a competitor");
      // Who asked, by name: the request recorded the CSR's email.
      await containsText(page.getByRole("region", { name: "What is asked" }), FLOW_PEOPLE.csr.name);
      expect(await page.getByRole("region", { name: "What is asked" }).innerText()).not.toContain(FLOW_PEOPLE.csr.email);
      // Below the floor is a manager's call; and policy would let 1,000.00 USD through on its own, not 1,500.00 USD.
      const why = page.getByTestId("task-policy");
      await containsText(why, "a price below the floor needs an operations manager or a role above it, whatever the amount");
      await containsText(why, "1,500.00 USD is above the 1,000.00 USD done without a person");
      // Not the junior role policy named for the amount: the flow asks a manager, as "Who may decide" says.
      expect(await why.innerText()).not.toContain("customer service rep");
      const records = page.getByRole("region", { name: "Records" });
      await visible(records.getByRole("link", { name: RUNS.approved.order }));
      await visible(records.getByRole("link", { name: "C-100" }));
      const proposal = page.getByTestId("proposal-editor");
      await expect.poll(() => proposal.getByLabel("Unit price").inputValue()).toBe("7.50");
      await expect.poll(() => proposal.getByLabel("Order number").inputValue()).toBe(RUNS.approved.order);
      await screenshot(page, "14-task");
      expect(await seriousViolations(page), "task").toEqual([]);

      // The manager meets the competitor halfway: 7.75, not 7.50.
      await proposal.getByLabel("Unit price").fill("7.75");
      const decision = page.getByRole("form", { name: "Decision" });
      await decision.getByLabel(/^Comment/).fill("one-off, to keep the account");
      await decision.getByRole("button", { name: "Approve" }).click();
      // The decider by name, not by the email their session recorded.
      await containsText(
        page.getByTestId("task-decided"),
        `Approved by ${FLOW_PEOPLE.manager.name} — “one-off, to keep the account”`,
      );
      expect(await page.getByTestId("task-decided").innerText()).not.toContain(FLOW_PEOPLE.manager.email);

      const { run, actions } = await app.until(runIds.approved, ["succeeded", "failed"]);
      expect(run.status).toBe("succeeded");
      expect(actions.map((action: { status: string }) => action.status)).toEqual(["succeeded"]);
      const writes = app.acceptedWrites(RUNS.approved.order);
      expect(writes).toHaveLength(1);
      expect(app.requests(RUNS.approved.order)).toHaveLength(1);
      expect(writes[0]?.json).toMatchObject({ line_number: 1, unit_price: "7.75", reason: "match a competitor" });

      // Workflows → the run: succeeded, with the approval by Olga and the write in its timeline.
      await page.getByRole("link", { name: "the run" }).click();
      await visible(page.getByRole("heading", { name: `Price ${RUNS.approved.price} on ${RUNS.approved.order} line 1` }));
      await containsText(page.locator(".page-header"), "succeeded");
      const timeline = page.getByTestId("run-timeline");
      await containsText(timeline, `Chose "Approve" by ${FLOW_PEOPLE.manager.name}`);
      await containsText(timeline, "“one-off, to keep the account”");
      await containsText(timeline, "write-price");
      await containsText(timeline, "Finished");
      const written = page.getByTestId("run-actions");
      await count(written.locator("tbody tr"), 1);
      await containsText(written, `approved by ${FLOW_PEOPLE.manager.name}`);
      // The manager is named, not their email, in what happened and what was written.
      expect(await timeline.innerText()).not.toContain(FLOW_PEOPLE.manager.email);
      expect(await written.innerText()).not.toContain(FLOW_PEOPLE.manager.email);
      await containsText(written, `Price 7.75 on ${RUNS.approved.order} line 1`);
      await screenshot(page, "15-run-succeeded");
    });

    it("rejects a task from its page with a reason; the run ends rejected and writes nothing", async () => {
      await page.goto("/inbox");
      await taskRow("rejected")
        .getByRole("link", { name: taskTitle("rejected") })
        .click();
      await visible(page.getByRole("heading", { name: taskTitle("rejected") }));
      const decision = page.getByRole("form", { name: "Decision" });
      await decision.getByLabel(/^Comment/).fill("below cost for this customer");
      await decision.getByRole("button", { name: "Reject" }).click();
      await containsText(
        page.getByTestId("task-decided"),
        `Rejected by ${FLOW_PEOPLE.manager.name} — “below cost for this customer”`,
      );

      const { run, actions } = await app.until(runIds.rejected, ["succeeded", "failed"]);
      expect(run).toMatchObject({ status: "succeeded", output: { approved: false, comment: "below cost for this customer" } });
      expect(actions).toEqual([]);
      expect(app.requests(RUNS.rejected.order)).toEqual([]);
    });

    it("approves two tasks at once from the inbox; each write reaches the ERP once", async () => {
      await page.goto("/inbox");
      await count(page.getByTestId("task-table").locator("tbody tr"), 4);
      await page.getByRole("checkbox", { name: `Select ${taskTitle("bulkA")}` }).check();
      await page.getByRole("checkbox", { name: `Select ${taskTitle("bulkB")}` }).check();
      const bulk = page.getByRole("region", { name: "Decide the selected tasks" });
      await containsText(bulk, "2 selected");
      await bulk.getByLabel("Comment for all").fill("quarter-end push");
      await screenshot(page, "16-inbox-bulk");
      await bulk.getByRole("button", { name: "Approve all" }).click();
      await hasText(page.getByTestId("bulk-result"), "2 decided.");
      await count(page.getByTestId("task-table").locator("tbody tr"), 2);

      for (const key of ["bulkA", "bulkB"] as const) {
        const { run } = await app.until(runIds[key], ["succeeded", "failed"]);
        expect(run.status).toBe("succeeded");
        expect(app.acceptedWrites(RUNS[key].order)).toHaveLength(1);
        expect(app.requests(RUNS[key].order)).toHaveLength(1);
        expect(app.acceptedWrites(RUNS[key].order)[0]?.json).toMatchObject({ unit_price: RUNS[key].price });
      }
    });

    it("finds a run the ERP refused by its status, and retries it with a reason once the ERP is fixed", async () => {
      // Approved, the write of SO-505 is refused (422: never retried), and the run fails.
      await taskRow("refused")
        .getByRole("link", { name: taskTitle("refused") })
        .click();
      await page.getByRole("form", { name: "Decision" }).getByRole("button", { name: "Approve" }).click();
      await visible(page.getByTestId("task-decided"));
      const failed = await app.until(runIds.refused, ["failed", "succeeded"]);
      expect(failed.run.status).toBe("failed");
      expect(app.acceptedWrites(RUNS.refused.order)).toEqual([]);

      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: /^Workflows/ })
        .click();
      await visible(page.getByRole("heading", { name: "Workflows" }));
      const rows = page.getByTestId("runs-table").locator("tbody tr");
      await count(rows, 6);
      await page.getByRole("combobox", { name: "Status" }).selectOption("failed");
      await page.waitForURL(/status=failed/);
      await count(rows, 1);
      await containsText(rows.first(), `Price ${RUNS.refused.price} on ${RUNS.refused.order} line 1`);
      await containsText(rows.first(), "order SO-505 is locked for invoicing");
      await page.getByRole("combobox", { name: "Status" }).selectOption("waiting");
      await count(rows, 1);
      await containsText(rows.first(), RUNS.cancelled.order);
      await page.getByRole("combobox", { name: "Status" }).selectOption("succeeded");
      await count(rows, 4);
      await page.getByRole("combobox", { name: "Status" }).selectOption("failed");
      await count(rows, 1);
      await screenshot(page, "17-runs-failed");
      expect(await seriousViolations(page), "runs").toEqual([]);

      await rows.first().getByRole("link").click();
      await visible(page.getByRole("heading", { name: `Price ${RUNS.refused.price} on ${RUNS.refused.order} line 1` }));
      await containsText(page.locator(".banner--error"), "422");
      await containsText(page.getByTestId("run-actions"), "failed");
      await screenshot(page, "18-run-failed");
      expect(await seriousViolations(page), "run").toEqual([]);

      refuseSo505 = false;
      await page.getByRole("button", { name: "Retry…" }).click();
      const dialog = page.getByRole("dialog", { name: "Retry this run?" });
      await dialog.getByLabel(/^Reason/).fill("ERP unlocked SO-505 after invoicing");
      await dialog.getByRole("button", { name: "Retry", exact: true }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);

      const { run } = await app.until(runIds.refused, ["succeeded", "failed"]);
      expect(run.status).toBe("succeeded");
      expect(app.acceptedWrites(RUNS.refused.order)).toHaveLength(1);
      // One refused, one accepted: the retry wrote once more, not twice.
      expect(app.requests(RUNS.refused.order)).toHaveLength(2);
      await containsText(page.locator(".page-header"), "succeeded");
      const timeline = page.getByTestId("run-timeline");
      await containsText(timeline, `Retried stage decided by ${FLOW_PEOPLE.manager.name}`);
      await containsText(timeline, "Reason: ERP unlocked SO-505 after invoicing");
      await count(page.getByTestId("run-actions").locator("tbody tr"), 2);
      await screenshot(page, "19-run-retried");
    });

    it("cancels a waiting run with a reason: its task is cancelled, the timeline says why, nothing is written", async () => {
      await page.goto(`/workflows/runs/${runIds.cancelled}`);
      await visible(page.getByTestId("run-wait"));
      await page.getByRole("button", { name: "Cancel…" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel this run?" });
      await dialog.getByLabel(/^Reason/).fill("customer withdrew the order");
      await dialog.getByRole("button", { name: "Cancel the run" }).click();
      await containsText(page.locator(".page-header"), "cancelled");
      const timeline = page.getByTestId("run-timeline");
      await containsText(timeline, `Cancelled by ${FLOW_PEOPLE.manager.name}`);
      expect(await timeline.innerText()).not.toContain(FLOW_PEOPLE.manager.email);
      await containsText(timeline, "Reason: customer withdrew the order");
      await screenshot(page, "20-run-cancelled");

      const { run } = await app.until(runIds.cancelled, ["cancelled"]);
      expect(run.status).toBe("cancelled");
      const tasks = await app.operatorCall("GET", `/api/v1/tasks?view=all&status=cancelled&run_id=${runIds.cancelled}`, {
        tenant: "acme",
      });
      expect((tasks.body as { data: { status: string }[] }).data.map((task) => task.status)).toEqual(["cancelled"]);
      expect(app.requests(RUNS.cancelled.order)).toEqual([]);
      await page.goto("/inbox");
      await visible(page.getByTestId("inbox-empty"));
    });

    it("hides the inbox and workflows from a user without their scopes, and the API refuses them", async () => {
      const { page: viewer } = await app.newPage();
      await signIn(viewer, "acme", FLOW_PEOPLE.viewer.email);
      const nav = viewer.getByRole("navigation", { name: "Main" });
      await visible(nav.getByRole("link", { name: /^Records/ }));
      await count(nav.getByRole("link", { name: /^Inbox/ }), 0);
      await count(nav.getByRole("link", { name: /^Workflows/ }), 0);
      for (const path of ["/api/v1/tasks", `/api/v1/runs/${runIds.approved}`, "/api/v1/runs"]) {
        const response = await viewer.request.get(path);
        expect(response.status(), path).toBe(403);
      }
      const decide = await viewer.request.post("/api/v1/tasks/decisions", {
        data: { task_ids: [], option: "approve" },
        headers: { origin: app.url },
      });
      expect(decide.status()).toBe(403);
      await viewer.goto(`/workflows/runs/${runIds.approved}`);
      await visible(viewer.getByTestId("forbidden"));
      await screenshot(viewer, "21-no-workflows");
    });
  },
);
