import type pg from "pg";
import { BatchesPerKey } from "../batches-per-key.ts";

type Write = {
  statements: readonly string[];
  flushedByNextCommit: boolean;
  resolve: (results: pg.QueryResult[]) => void;
  reject: (error: unknown) => void;
};

/** Enough writes per message to absorb a burst; few enough to keep one transaction short. */
const MAX_GROUP = 32;

/**
 * Group commit for a tenant's one-message writes (writeAsTenant). A tenant has at most one such
 * message in flight; writes that arrive meanwhile wait for it, then go together as the next
 * message: one transaction and one commit for all of them (BatchesPerKey). A lone write goes at
 * once, so one caller waits no longer than before; many callers share the per-message cost
 * (parsing, the tenant settings, the commit), which is most of a short write's. Those writes would
 * mostly have queued anyway: each run start appends to the tenant's audit chain, whose head admits
 * one transaction at a time.
 *
 * Writes of one tenant run in the order they were made. A group is all or nothing; when it fails,
 * each of its writes is sent again alone, so each is answered for itself (the one at fault fails;
 * the others commit).
 */
export class TenantWriteGroups {
  readonly #batches: BatchesPerKey<Write>;
  readonly #send: (text: string) => Promise<pg.QueryResult[]>;
  readonly #settings: (tenantId: string, flushedByNextCommit: boolean) => string[];

  constructor(
    send: (text: string) => Promise<pg.QueryResult[]>,
    settings: (tenantId: string, flushedByNextCommit: boolean) => string[],
  ) {
    this.#send = send;
    this.#settings = settings;
    this.#batches = new BatchesPerKey<Write>({
      max: MAX_GROUP,
      send: (tenantId, group) => this.#sendGroup(tenantId, group),
      fail: (write, error) => write.reject(error),
    });
  }

  write(tenantId: string, statements: readonly string[], flushedByNextCommit: boolean): Promise<pg.QueryResult[]> {
    return new Promise((resolve, reject) => this.#batches.add(tenantId, { statements, flushedByNextCommit, resolve, reject }));
  }

  async #sendGroup(tenantId: string, group: Write[]): Promise<void> {
    const results = await this.#message(tenantId, group);
    let at = 0;
    for (const write of group) {
      write.resolve(results.slice(at, at + write.statements.length));
      at += write.statements.length;
    }
  }

  /** One simple-protocol message: the tenant settings, then every write's statements; their results. */
  async #message(tenantId: string, group: readonly Write[]): Promise<pg.QueryResult[]> {
    const settings = this.#settings(
      tenantId,
      group.every((write) => write.flushedByNextCommit),
    );
    const statements = group.flatMap((write) => write.statements);
    const results = await this.#send([...settings, ...statements].join(";\n"));
    if (!Array.isArray(results) || results.length !== settings.length + statements.length) {
      throw new Error("a statement sent as a tenant held more than one statement");
    }
    return results.slice(settings.length);
  }
}
