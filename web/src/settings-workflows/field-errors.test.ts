import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-error.ts";
import { fieldErrors, fieldErrorsOf } from "./field-errors.tsx";

describe("field errors", () => {
  it("puts each problem at the closest field the form shows, and keeps the rest for the banner", () => {
    const error = new ApiError(422, "validation_failed", "The connector is invalid", [
      { path: "config.base_url", message: "Invalid URL" },
      { path: "config.headers.X Bad", message: "an HTTP header name" },
      { path: "config.auth.token", message: "required" },
      { path: "config.endpoints.sales_order.create.path", message: "starts with /" },
      { message: "something else" },
    ]);
    const errors = fieldErrors(error, ["config.base_url", "config.headers", "config.auth", "config.auth.token"]);
    expect(errors.at("config.base_url")).toBe("Invalid URL");
    expect(errors.at("config.headers")).toBe("an HTTP header name");
    expect(errors.at("config.auth.token")).toBe("required");
    expect(errors.at("config.auth")).toBeUndefined();
    expect(errors.other.map((detail) => detail.message)).toEqual(["starts with /", "something else"]);
  });

  it("has nothing to show without an API error", () => {
    expect(fieldErrors(new Error("boom"), ["name"]).other).toEqual([]);
  });

  it("splits problems found without asking the API the same way, by paths whose names hold dots", () => {
    const errors = fieldErrorsOf(
      [
        { path: "data.kinds.sales_order.create.approver_tiers.2", message: "never reached" },
        { path: "data.kinds.sales_order.create.min_confidence", message: "out of range" },
        { path: "data.extra", message: "unknown field" },
      ],
      ["data.kinds.sales_order.create.min_confidence", "data.kinds.sales_order.create.approver_tiers"],
    );
    expect(errors.at("data.kinds.sales_order.create.approver_tiers")).toBe("never reached");
    expect(errors.at("data.kinds.sales_order.create.min_confidence")).toBe("out of range");
    expect(errors.other.map((detail) => detail.path)).toEqual(["data.extra"]);
  });
});
