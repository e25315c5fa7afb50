import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import * as vitest from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTargetServer, type TargetServer } from "../../../../platform/testing/http-target-server.ts";
import type { ActionRequestInput, ConnectorInput } from "../../contract/index.ts";
import { type ActionsFixture, createActionsFixture } from "../../testing/fixture.ts";
import { describeConnectorContract } from "../connector-contract.ts";

const ack855 = (po: string) => ({
  transaction: "855",
  purchase_order_number: po,
  purchase_order_date: "2026-03-01",
  lines: [
    { line_number: 1, quantity: 10, uom: "EA", unit_price: "4.50", status: "accepted" },
    { line_number: 2, quantity: 4, uom: "EA", unit_price: "9.00", status: "changed", ack_quantity: 2 },
  ],
});

const ediConfig = (delivery: Record<string, unknown>) => ({
  sender: { qualifier: "ZZ", id: "HARBOR" },
  receiver: { qualifier: "ZZ", id: "ACMEMRO" },
  usage: "T",
  delivery,
});

const segments = (document: string) =>
  document
    .split("~")
    .filter(Boolean)
    .map((segment) => segment.split("*"));

describeConnectorContract(vitest, "edi (folder)", async () => {
  const fixture = await createActionsFixture();
  const folder = () => path.join(fixture.outbox, fixture.tenant.id, "acme");
  return {
    fixture,
    subject: {
      kind: "edi",
      actionKind: "edi.send",
      unsupportedKind: "sales_order.create",
      input: { kind: "edi", config: ediConfig({ type: "folder", path: "acme" }) } as never,
      payload: (n) => ack855(`PO-${n}`),
      invalidPayload: {
        payload: { transaction: "855", purchase_order_number: "PO-1", lines: [] },
        path: "payload.purchase_order_date",
      },
      delivered: async () => (await readdir(folder()).catch(() => [])).filter((name) => name.endsWith(".x12")).length,
    },
    close: () => fixture.close(),
  };
});

describe("EDI connector", () => {
  let f: ActionsFixture;
  let partner: TargetServer;
  let n = 0;
  const send = (
    connector: string,
    payload: Record<string, unknown>,
    kind: ActionRequestInput["kind"] = "edi.send",
  ): ActionRequestInput => {
    n += 1;
    return {
      kind,
      idempotency_key: `edi-${n}`,
      connector,
      payload,
      facts: { confidence: 0.99, ...(kind === "purchase_order.create" ? { amount_minor: 1_125 } : {}) },
      cause: { type: "workflow_run", id: `run_${n}` },
    };
  };
  const outbox = (relative: string) => path.join(f.outbox, f.tenant.id, relative);

  beforeAll(async () => {
    partner = await startTargetServer({ honourIdempotency: true, handle: () => ({ status: 202, body: { received: true } }) });
    f = await createActionsFixture();
    await f.permissive();
    const it = f.person("usr_it");
    await f.actions.connectors.create(it, {
      name: "acme-edi",
      kind: "edi",
      config: ediConfig({ type: "folder", path: "acme/outbound" }),
    } as ConnectorInput);
    await f.actions.connectors.create(it, {
      name: "other-edi",
      kind: "edi",
      config: ediConfig({ type: "folder", path: "other" }),
    } as ConnectorInput);
    await f.actions.connectors.create(it, {
      name: "van",
      kind: "edi",
      config: ediConfig({
        type: "http",
        url: `${partner.url}/as2/inbound`,
        auth: { type: "basic", username: "harbor", password: "van-password-123456" },
      }),
    } as ConnectorInput);
  });
  afterAll(async () => {
    await partner.close();
    await f.close();
  });

  it("writes an 855 into the tenant's outbox folder, whole, with a well-formed envelope", async () => {
    const outcome = await f.actions.execute(f.flow, send("acme-edi", ack855("PO-4471")));
    if (outcome.dry_run) throw new Error("expected a write");
    const control = outcome.action.result?.external_id as string;
    expect(control).toMatch(/^\d{9}$/);
    const file = path.join(outbox("acme/outbound"), `855-${control}.x12`);
    const document = await readFile(file, "utf8");
    expect(outcome.action.result).toMatchObject({
      summary: `855 interchange ${control} written to acme/outbound/855-${control}.x12`,
    });
    expect(((await stat(file)).mode & 0o777).toString(8)).toBe("640");
    const parsed = segments(document);
    expect(parsed.map((segment) => segment[0])).toEqual([
      "ISA",
      "GS",
      "ST",
      "BAK",
      "PO1",
      "ACK",
      "PO1",
      "ACK",
      "CTT",
      "SE",
      "GE",
      "IEA",
    ]);
    expect(parsed[0]?.[13]).toBe(control);
    expect(parsed[1]?.[6]).toBe(String(Number(control)));
    expect(parsed.find((segment) => segment[0] === "SE")).toEqual(["SE", "8", "0001"]);
    expect(parsed.find((segment) => segment[0] === "BAK")?.[2]).toBe("AC");
    expect(await readdir(outbox("acme/outbound"))).toEqual([`855-${control}.x12`]);
  });

  it("hands out control numbers one after another under concurrency: no gap, no number twice, per connector", async () => {
    const writes = Array.from({ length: 25 }, (_, index) => send("other-edi", ack855(`PO-C${index}`)));
    const outcomes = await Promise.all(writes.map((request) => f.actions.execute(f.flow, request)));
    const numbers = outcomes
      .map((outcome) => Number(outcome.dry_run ? Number.NaN : outcome.action.result?.external_id))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    const files = (await readdir(outbox("other"))).sort();
    expect(files).toHaveLength(25);
    for (const name of files) {
      const document = await readFile(path.join(outbox("other"), name), "utf8");
      const control = /855-(\d{9})\.x12/.exec(name)?.[1];
      expect(segments(document)[0]?.[13]).toBe(control);
      expect(segments(document).at(-1)).toEqual(["IEA", "1", control]);
    }
    // The other connector's numbers are its own.
    const next = await f.actions.execute(f.flow, send("acme-edi", ack855("PO-4472")));
    expect(next).toMatchObject({ action: { result: { external_id: "000000002" } } });
  });

  it("sends the same interchange, under the same number, when a write is retried after a failed delivery", async () => {
    partner.answer(() => ({ status: 503, body: "VAN maintenance" }));
    const request = send("van", ack855("PO-RETRY"));
    await expect(f.actions.execute(f.flow, request)).rejects.toMatchObject({ retryable: true, upstreamStatus: 503 });
    partner.answer(() => ({ status: 202, body: { received: true } }));
    const outcome = await f.actions.execute(f.flow, request);
    if (outcome.dry_run) throw new Error("expected a write");
    const [first, second] = partner.received.slice(-2);
    expect(first?.body).toBe(second?.body);
    expect(first?.headers).toMatchObject({
      "content-type": "application/edi-x12",
      "idempotency-key": request.idempotency_key,
      authorization: `Basic ${Buffer.from("harbor:van-password-123456").toString("base64")}`,
    });
    expect(outcome.action).toMatchObject({ status: "succeeded", attempts: 2, result: { external_id: "000000001", status: 202 } });
    expect(second?.path).toBe("/as2/inbound");
  });

  it("writes an 850 for a purchase order, and refuses an unsent interchange's undo", async () => {
    const outcome = await f.actions.execute(
      f.flow,
      send(
        "acme-edi",
        {
          purchase_order_number: "HIS-PO-1",
          order_date: "2026-03-02",
          lines: [{ line_number: 1, quantity: 5, uom: "EA", unit_price: "2.25" }],
        },
        "purchase_order.create",
      ),
    );
    if (outcome.dry_run) throw new Error("expected a write");
    const document = await readFile(path.join(outbox("acme/outbound"), `850-${outcome.action.result?.external_id}.x12`), "utf8");
    expect(segments(document).slice(1, 4)).toEqual([
      expect.arrayContaining(["GS", "PO"]),
      ["ST", "850", "0001"],
      ["BEG", "00", "SA", "HIS-PO-1", "", "20260302"],
    ]);
    expect(outcome.action.compensation).toBeNull();
    await expect(f.actions.compensate(f.flow, outcome.action.id, "oops")).rejects.toMatchObject({
      code: "not_compensable",
      status: 409,
    });
  });

  it("refuses a folder outside the tenant's outbox when the connector is saved", async () => {
    for (const bad of ["../escape", "/etc", "a/../../b"]) {
      await expect(
        f.actions.connectors.create(f.person("usr_it"), {
          name: "bad-edi",
          kind: "edi",
          config: ediConfig({ type: "folder", path: bad }),
        } as ConnectorInput),
      ).rejects.toMatchObject({ status: 422, details: [expect.objectContaining({ path: "config.delivery.path" })] });
    }
  });
});
