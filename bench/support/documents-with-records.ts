import { generateDocuments } from "../../src/demo/documents/index.ts";
import { generateWorld, loadWorld, type RecordsApi } from "../../src/demo/index.ts";
import { Random } from "../../src/demo/random.ts";
import { createTestServer } from "../../src/server/testing/test-server.ts";
import type { Metric } from "./results.ts";

type Truth = { kind: string; errors?: { kind: string }[] };

/**
 * The demo business's text PDFs read by a running Crossdock whose records hold that business (the
 * small demo world, loaded through the records API as `npm start` loads it): each document checked
 * against the records as well as against itself, as a tenant's would be. Measures the touchless
 * rate the tenant sees, and whether the invoices the world marks wrong (above the agreed price,
 * above what was received, a reused number, a wrong total) are all held and the clean ones not.
 */
export async function measureWithRecords(metrics: Metric[]): Promise<void> {
  const server = await createTestServer();
  try {
    const { tenant, key } = await server.createTenantWithKey("harbor");
    const api: RecordsApi = {
      async request<T>(method: string, apiPath: string, options: { json?: unknown; headers?: Record<string, string> } = {}) {
        const response = await server.request(method, apiPath, { token: key, json: options.json, headers: options.headers });
        if (response.status >= 400) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body as T;
      },
    };
    const world = generateWorld({ scale: "small", seed: 1 });
    await loadWorld(api, "harbor", world);
    const files = generateDocuments(world, new Random(world.seed).fork("documents"));
    const truthOf = new Map(
      files
        .filter((file) => file.path.endsWith(".truth.json"))
        .map((file) => [file.path.replace(/\.truth\.json$/, ""), JSON.parse(String(file.content)) as Truth]),
    );
    const documents = server.crossdock.documents;
    const ctx = { tenantId: tenant.id, actor: { type: "system" as const, id: "bench" } };
    let read = 0;
    let through = 0;
    // Invoices by their number's file (a reused number's second copy is "-2"): what the world marks, and whether any copy was held.
    const invoices = new Map<string, { wrong: boolean; held: string[] }>();
    const heldBy = new Map<string, number>();
    for (const file of files.filter((each) => each.path.endsWith(".pdf") && !each.path.includes("/scan/"))) {
      const name = file.path.split("/").at(-1) as string;
      const { file: stored } = await documents.receive(ctx, { name, bytes: Buffer.from(file.content), channel: "upload" });
      await documents.drain();
      const truth = truthOf.get(file.path);
      for (const id of (await documents.getFile(tenant.id, stored.id)).document_ids) {
        const document = await documents.get(tenant.id, id);
        read += 1;
        if (document.status === "straight_through") through += 1;
        const failed = document.checks.filter((each) => !each.passed);
        const reasons =
          failed.length > 0
            ? failed.map((check) => check.check.replace(/^line \d+ /, "line "))
            : document.status === "straight_through"
              ? []
              : document.reasons.slice(0, 1);
        for (const reason of reasons)
          heldBy.set(`${document.kind} ${reason}`, (heldBy.get(`${document.kind} ${reason}`) ?? 0) + 1);
        if (document.kind !== "invoice") continue;
        const key = name.replace(/-2\.pdf$/, ".pdf");
        const entry = invoices.get(key) ?? { wrong: false, held: [] };
        entry.wrong ||= (truth?.errors ?? []).length > 0;
        if (document.status !== "straight_through") entry.held.push(`${name}: ${document.reasons[0] ?? ""}`);
        invoices.set(key, entry);
      }
    }
    const wrong = [...invoices.values()].filter((entry) => entry.wrong);
    const clean = [...invoices.values()].filter((entry) => !entry.wrong);
    const cleanHeld = clean.flatMap((entry) => entry.held);
    const held = [...heldBy].map(([reason, count]) => `${reason} ${count}`).join("; ");
    metrics.push(
      {
        name: "straight through with the records' checks: demo text PDFs",
        value: read > 0 ? (through / read) * 100 : 0,
        unit: `% of ${read}`,
        note: `held by: ${held || "nothing"}`,
      },
      {
        name: "invoices the demo world marks wrong, held for review",
        value: wrong.filter((entry) => entry.held.length > 0).length,
        unit: `of ${wrong.length}`,
        target: `= ${wrong.length}`,
      },
      {
        name: "clean invoices held for review",
        value: clean.filter((entry) => entry.held.length > 0).length,
        unit: `of ${clean.length}`,
        note: cleanHeld.join("; ") || "none",
      },
    );
  } finally {
    await server.close();
  }
}
