import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-error.ts";
import { fieldErrors } from "./field-errors.tsx";

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
});
