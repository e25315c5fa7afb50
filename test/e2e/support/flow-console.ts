import { randomBytes } from "node:crypto";
import { startTargetServer, type TargetServer } from "../../../src/platform/testing/http-target-server.ts";
import { loadDistributor } from "../../support/flow-records.ts";
import { erpConnector } from "../../support/flow-world.ts";
import { type ApiCall, expectStatus } from "./api.ts";
import { type ConsoleUnderTest, startConsoleUnderTest } from "./console-under-test.ts";
import { PASSWORD } from "./seed.ts";

/** The people of the flow console's tenant: a manager who approves, a CSR who asks, a viewer who only reads records. */
export const FLOW_PEOPLE = {
  manager: { email: "olga@acme.test", name: "Olga Ops", roles: ["operations_manager"] },
  csr: { email: "cy@acme.test", name: "Cy Service", roles: ["csr"] },
  viewer: { email: "vic@acme.test", name: "Vic Viewer", roles: ["viewer"] },
} as const;

/** The order lines the pricing exceptions concern: 1,000 units of I-1 each, for Baxter, whose contract price is 9.00. */
export const QUANTITY = 1000;
export const FLOOR = 9;

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies and assert on their shape
type Body = any;

export type FlowConsole = ConsoleUnderTest & {
  /** The ERP Crossdock writes to: a real HTTP server counting writes by Idempotency-Key. */
  erp: TargetServer;
  users: Record<keyof typeof FLOW_PEOPLE, string>;
  /** Starts a pricing exception through the API, as the CSR asking for it; returns the run's id. */
  priceException(orderNumber: string, unitPrice: string, reason?: string): Promise<string>;
  /** Polls the run through the API until it is in one of `statuses`; returns the run with its timeline and writes. */
  until(runId: string, statuses: string[]): Promise<Body>;
  /** The run's one open task. */
  openTask(runId: string): Promise<Body>;
  /** The distinct writes the ERP accepted for an order (a repeated Idempotency-Key counts once). */
  acceptedWrites(orderNumber: string): Body[];
  /** Every request the ERP received for an order, accepted or not. */
  requests(orderNumber: string): Body[];
  operatorCall: ApiCall;
};

/**
 * `crossdock start` with an ERP connector pointing at a real HTTP target server, a tenant (acme)
 * with a manager, a CSR and a viewer, the small distributor of test/support/flow-records.ts, and
 * `orders` sales orders of 1,000 units each on which pricing exceptions can be asked.
 */
export async function startFlowConsole(orders: readonly string[]): Promise<FlowConsole> {
  const erp = await startTargetServer({ honourIdempotency: true });
  erp.answer(() => ({ status: 201, body: { data: { id: "CHG-1" } } }));
  // Connector secrets (the ERP's token) are encrypted with this key; on a database server it must be given.
  const app = await startConsoleUnderTest({ CROSSDOCK_SECRET_KEY: randomBytes(32).toString("base64") }).catch(
    async (error: unknown) => {
      await erp.close();
      throw error;
    },
  );
  try {
    return await seed(app, erp, orders);
  } catch (error) {
    // Nothing is left running when the setup fails: the test's afterAll has no handle to stop.
    await app.stop().catch(() => undefined);
    await erp.close();
    throw error;
  }
}

async function seed(app: ConsoleUnderTest, erp: TargetServer, orders: readonly string[]): Promise<FlowConsole> {
  const call = app.operator;
  const acme = <T = unknown>(method: string, path: string, json?: unknown) => call<T>(method, path, { tenant: "acme", json });
  await expectStatus(call("POST", "/api/v1/tenants", { json: { name: "Acme Supply", slug: "acme" } }), 201, "tenant");
  const users = {} as Record<keyof typeof FLOW_PEOPLE, string>;
  for (const key of Object.keys(FLOW_PEOPLE) as (keyof typeof FLOW_PEOPLE)[]) {
    const person = FLOW_PEOPLE[key];
    const user = await expectStatus<{ id: string }>(
      acme("POST", "/api/v1/users", { ...person, roles: [...person.roles], password: PASSWORD }),
      201,
      `user ${person.email}`,
    );
    users[key] = user.id;
  }
  await expectStatus(acme("POST", "/api/v1/connectors", erpConnector(erp.url)), 201, "erp connector");
  await loadDistributor((type, rows) => expectStatus(acme("POST", `/api/v1/records/${type}`, rows), 200, type));
  await expectStatus(
    acme(
      "POST",
      "/api/v1/records/sales-orders",
      orders.map((number) => ({
        source_system: "erp",
        external_id: number,
        order_number: number,
        customer_external_id: "C-100",
        status: "open",
        order_date: "2026-11-28",
        location_external_id: "DC1",
        currency: "USD",
        lines: [{ line_number: 1, item_external_id: "I-1", quantity: String(QUANTITY), uom: "EA", unit_price: "9.00" }],
      })),
    ),
    200,
    "sales orders",
  );

  const path = (orderNumber: string) => `/orders/${orderNumber}/changes`;
  return {
    ...app,
    erp,
    users,
    operatorCall: call,
    async priceException(orderNumber, unitPrice, reason) {
      const run = await expectStatus<{ id: string }>(
        acme("POST", "/api/v1/runs", {
          flow: "pricing-exception",
          input: {
            sales_order_external_id: orderNumber,
            line_number: 1,
            proposed_unit_price: unitPrice,
            ...(reason ? { reason } : {}),
            requested_by: { type: "user", id: users.csr, label: FLOW_PEOPLE.csr.email },
          },
        }),
        201,
        `start a pricing exception on ${orderNumber}`,
      );
      return run.id;
    },
    async until(runId, statuses) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const detail = await expectStatus<Body>(acme("GET", `/api/v1/runs/${runId}`), 200, `run ${runId}`);
        if (statuses.includes(detail.run.status)) return detail;
        if (Date.now() > deadline)
          throw new Error(`run ${runId} is ${detail.run.status} at ${detail.run.stage}, not ${statuses.join(" or ")}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async openTask(runId) {
      const tasks = await expectStatus<Body>(acme("GET", `/api/v1/tasks?view=all&run_id=${runId}`), 200, "tasks");
      const task = tasks.data.find((candidate: { status: string }) => candidate.status === "open");
      if (!task) throw new Error(`run ${runId} has no open task`);
      return task;
    },
    acceptedWrites(orderNumber) {
      return [...erp.writes.keys()].flatMap((key) =>
        erp.received
          .filter((request) => request.headers["idempotency-key"] === key && request.path === path(orderNumber))
          .slice(0, 1),
      );
    },
    requests(orderNumber) {
      return erp.received.filter((request) => request.path === path(orderNumber));
    },
    async stop() {
      await app.stop();
      await erp.close();
    },
  };
}
