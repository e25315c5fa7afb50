import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Database } from "../../platform/db/database.ts";
import { allTenantStats } from "./store/document-stats.ts";

export type DocumentMetrics = { fileRead(outcome: "read" | "quarantined", seconds: number): void };

/**
 * Prometheus metrics of documents: files read or quarantined and how long reading took, and — read
 * from the table when scraped, so every process reports the same — per tenant and kind, the
 * documents read, the touchless rate, the field accuracy of reviews and the time in the queue.
 */
export function createDocumentMetrics(registry: Registry, db: Database, clock: () => Date): DocumentMetrics {
  const files = new Counter({
    name: "crossdock_document_files_total",
    help: "Document files read (their documents found) or quarantined with a reason",
    labelNames: ["outcome"],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: "crossdock_document_file_read_seconds",
    help: "Time to read a document file: text, OCR, extraction and storing",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  let read: { at: number; stats: ReturnType<typeof allTenantStats> } | undefined;
  const stats = () => {
    const at = Date.now();
    if (!read || at - read.at > 1_000) read = { at, stats: allTenantStats(db, clock()) };
    return read.stats;
  };
  new Gauge({
    name: "crossdock_documents",
    help: "Documents per tenant and kind: all read, gone straight through, waiting for review, reviewed",
    labelNames: ["tenant", "kind", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of await stats()) {
        const labels = { tenant: row.tenant_id, kind: row.kind ?? "" };
        this.set({ ...labels, state: "all" }, row.documents);
        this.set({ ...labels, state: "straight_through" }, row.straight_through);
        this.set({ ...labels, state: "waiting" }, row.waiting);
        this.set({ ...labels, state: "reviewed" }, row.reviewed);
      }
    },
  });
  const ratio = (name: string, help: string, pick: (row: Awaited<ReturnType<typeof allTenantStats>>[number]) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ["tenant", "kind"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await stats()) {
          const value = pick(row);
          if (value !== null) this.set({ tenant: row.tenant_id, kind: row.kind ?? "" }, value);
        }
      },
    });
  ratio(
    "crossdock_documents_touchless_ratio",
    "Documents that went straight through, of all read, per tenant and kind",
    (row) => row.touchless_rate,
  );
  ratio(
    "crossdock_documents_field_accuracy_ratio",
    "Fields reviewers left as read, of all they saw, per tenant and kind",
    (row) => row.field_accuracy,
  );
  ratio(
    "crossdock_documents_queue_mean_seconds",
    "Mean time from arrival to a reviewer's decision",
    (row) => row.mean_seconds_in_queue,
  );
  ratio(
    "crossdock_documents_queue_oldest_seconds",
    "Age of the oldest document waiting for review",
    (row) => row.oldest_waiting_seconds,
  );
  return {
    fileRead(outcome, taken) {
      files.inc({ outcome });
      seconds.observe(taken);
    },
  };
}
