import { describe, expect, it } from "vitest";
import { EMPTY_BRANDING } from "./branding-rows.ts";
import { assertLogoIsImage, brandingForAudit, decodeLogo } from "./logo.ts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const png = `data:image/png;base64,${PNG.toString("base64")}`;
const svg = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString("base64")}`;

describe("logos", () => {
  it("decodes a data URL to its media type and bytes", () => {
    expect(decodeLogo(png)).toEqual({ contentType: "image/png", bytes: PNG });
    expect(decodeLogo("data:text/html;base64,PGgxPg==")).toBeUndefined();
  });

  it("accepts images and refuses data that is not the image it claims to be", () => {
    expect(() => assertLogoIsImage(png)).not.toThrow();
    expect(() => assertLogoIsImage(svg)).not.toThrow();
    expect(() => assertLogoIsImage(null)).not.toThrow();
    const text = `data:image/png;base64,${Buffer.from("hello, world").toString("base64")}`;
    expect(() => assertLogoIsImage(text)).toThrow(/not a PNG, JPEG, WebP or SVG image/);
  });

  it("keeps a digest of the logo in the audit trail, not the image", () => {
    const audited = brandingForAudit({ ...EMPTY_BRANDING, logo: png, product_name: "Harbor" });
    expect(audited.product_name).toBe("Harbor");
    expect(audited.logo).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: PNG.length,
      content_type: "image/png",
    });
    expect(JSON.stringify(audited)).not.toContain("base64");
  });
});
