import { describe, expect, it } from "vitest";
import { renderBody, renderPath, type TemplateScope } from "./template.ts";

const scope: TemplateScope = {
  payload: { order_number: "PO 44/71", customer: { id: "C-9" }, total: 1234.5, lines: [{ sku: "A" }] },
  action: { id: "act_1", kind: "sales_order.create", idempotency_key: "key-1" },
};

describe("request templates", () => {
  it("fills a path from the payload, URL-encoded", () => {
    expect(renderPath("/customers/{customer.id}/orders/{order_number}", scope, "path")).toBe(
      "/customers/C-9/orders/PO%2044%2F71",
    );
    expect(renderPath("/orders/{{payload.order_number}}", scope, "path")).toBe("/orders/PO%2044%2F71");
  });

  it("fills {external_id} in a compensation with the id the target gave the write", () => {
    expect(renderPath("/orders/{external_id}", { ...scope, result: { external_id: "SO-1" } }, "path")).toBe("/orders/SO-1");
  });

  it("fills a body, keeping a lone placeholder's type", () => {
    const body = renderBody(
      {
        number: "{{payload.order_number}}",
        total: "{{payload.total}}",
        note: "for {{payload.customer.id}} ({{action.idempotency_key}})",
        lines: "{{payload.lines}}",
        fixed: 3,
      },
      scope,
      "body",
    );
    expect(body).toEqual({ number: "PO 44/71", total: 1234.5, note: "for C-9 (key-1)", lines: [{ sku: "A" }], fixed: 3 });
  });

  it("refuses a placeholder with no value, naming where it is", () => {
    expect(() => renderPath("/orders/{missing}", scope, "config.endpoints.sales_order.create.path")).toThrow(
      "config.endpoints.sales_order.create.path: {{payload.missing}} has no value",
    );
    expect(() => renderBody({ a: "x {{payload.lines}}" }, scope, "body")).toThrow(
      "body.a: {{payload.lines}} is a list, not a single value",
    );
    expect(() => renderBody({ a: "{{result.external_id}}" }, scope, "body")).toThrow(/only known when undoing/);
    expect(() => renderBody({ a: "{{secrets.token}}" }, scope, "body")).toThrow(/must start with payload/);
  });
});
