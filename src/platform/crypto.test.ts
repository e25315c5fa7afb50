import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSecretKey, seal, unseal } from "./crypto.ts";

describe("sealed secrets", () => {
  const key = randomBytes(32);

  it("open with the same key and context, and differ each time they are sealed", () => {
    const sealed = seal(key, "s3cret ✓", "ten_1/con_1/auth.token");
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain("s3cret");
    expect(seal(key, "s3cret ✓", "ten_1/con_1/auth.token")).not.toBe(sealed);
    expect(unseal(key, sealed, "ten_1/con_1/auth.token")).toBe("s3cret ✓");
  });

  it("do not open with another key, in another context, or once altered", () => {
    const sealed = seal(key, "s3cret", "a");
    expect(() => unseal(randomBytes(32), sealed, "a")).toThrow();
    expect(() => unseal(key, sealed, "b")).toThrow();
    // One character of the ciphertext changed to another (the second to last: all its bits are data).
    const at = sealed.length - 2;
    const altered = `${sealed.slice(0, at)}${sealed[at] === "A" ? "B" : "A"}${sealed.slice(at + 1)}`;
    expect(altered).not.toBe(sealed);
    expect(() => unseal(key, altered, "a")).toThrow();
  });

  it("take a 32-byte key in base64, and nothing else", () => {
    expect(parseSecretKey(key.toString("base64"))).toEqual(key);
    expect(parseSecretKey(` ${key.toString("base64url")}\n`)).toEqual(key);
    expect(parseSecretKey(randomBytes(16).toString("base64"))).toBeUndefined();
    expect(parseSecretKey("not base64 at all!")).toBeUndefined();
  });
});
