import { describe, expect, it } from "vitest";
import type { WebhookSource } from "../sources/source-store.ts";
import { createSourceCache, SOURCE_CACHE_MS } from "./source-cache.ts";

const source = (secret: string): WebhookSource => ({ id: "src_1", tenantId: "ten_1", name: "shop", status: "active", secret });

describe("the webhook source cache", () => {
  it("loads a source once for webhooks that miss it at the same moment, and again once it expires", async () => {
    let now = 0;
    const loads: ((value: WebhookSource) => void)[] = [];
    const cache = createSourceCache(
      () => new Promise((resolve) => loads.push(resolve)),
      () => new Date(now),
    );
    const burst = Array.from({ length: 50 }, () => cache.get("src_1"));
    expect(loads).toHaveLength(1);
    loads[0]?.(source("a"));
    expect((await Promise.all(burst)).every((found) => found?.secret === "a")).toBe(true);
    expect((await cache.get("src_1"))?.secret).toBe("a");
    now += SOURCE_CACHE_MS + 1;
    const later = cache.get("src_1");
    expect(loads).toHaveLength(2);
    loads[1]?.(source("b"));
    expect((await later)?.secret).toBe("b");
  });

  it("keeps nothing a load read before the source changed, and loads again after a failed load", async () => {
    const loads: { resolve: (value: WebhookSource) => void; reject: (error: Error) => void }[] = [];
    const cache = createSourceCache(
      () => new Promise((resolve, reject) => loads.push({ resolve, reject })),
      () => new Date(0),
    );
    const before = cache.get("src_1");
    cache.forget("src_1");
    loads[0]?.resolve(source("old"));
    expect((await before)?.secret).toBe("old");
    const after = cache.get("src_1");
    expect(loads).toHaveLength(2);
    loads[1]?.reject(new Error("database down"));
    await expect(after).rejects.toThrow("database down");
    const again = cache.get("src_1");
    expect(loads).toHaveLength(3);
    loads[2]?.resolve(source("new"));
    expect((await again)?.secret).toBe("new");
  });
});
