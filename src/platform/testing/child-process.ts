import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Runs a TypeScript script in a child Node process, for tests that kill a process and start it
 * again. Parent and child talk over Node's IPC channel with small JSON messages (`{ type, … }`),
 * so the child's logs on stdout and stderr never get in the way; they are kept for failure reports.
 */
export type ChildMessage = { type: string; [key: string]: unknown };

export type Child = {
  pid: number;
  /** Every message the child has sent, in order. */
  messages: ChildMessage[];
  /** The first message, already received or still to come, of `type` that passes `where`. */
  waitFor(type: string, options?: { where?: (message: ChildMessage) => boolean; timeoutMs?: number }): Promise<ChildMessage>;
  /** Resolves once the child has sent `count` messages of `type`. */
  waitForCount(type: string, count: number, timeoutMs?: number): Promise<void>;
  send(message: ChildMessage): void;
  /** SIGKILL: no cleanup, no flush, as when a machine loses power or the OOM killer strikes. */
  kill(): Promise<void>;
  /** Resolves with the exit code once the child has exited on its own; rejects on a signal or a timeout. */
  exitCode(timeoutMs?: number): Promise<number>;
  /** The last lines the child wrote, for failure messages. */
  output(): string;
};

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DEFAULT_TIMEOUT_MS = 30_000;
const OUTPUT_KEEP = 8_000;

export function startChild(script: URL, options: { args?: string[]; env?: Record<string, string | undefined> } = {}): Child {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(script), ...(options.args ?? [])], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_KEEP);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  const messages: ChildMessage[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  child.on("message", (message) => {
    messages.push(message as ChildMessage);
    notify();
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      notify();
      resolve();
    });
  });
  const describe = () =>
    `child ${child.pid} ${exit ? `exited (code ${exit.code}, signal ${exit.signal})` : "still running"}; its output:\n${output}`;

  /** Resolves when `check` returns a value; rejects if the child exits first or time runs out. */
  function until<T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${describe()}`)),
        timeoutMs,
      );
      const listener = () => {
        const value = check();
        if (value !== undefined) finish(undefined, value);
        else if (exit) finish(new Error(`Gave up waiting for ${what}: ${describe()}`));
      };
      function finish(error: Error | undefined, value?: T) {
        clearTimeout(timer);
        listeners.delete(listener);
        if (error) reject(error);
        else resolve(value as T);
      }
      listeners.add(listener);
      listener();
    });
  }

  return {
    pid: child.pid ?? -1,
    messages,
    waitFor(type, { where = () => true, timeoutMs = DEFAULT_TIMEOUT_MS } = {}) {
      return until(() => messages.find((message) => message.type === type && where(message)), `message "${type}"`, timeoutMs);
    },
    async waitForCount(type, count, timeoutMs = DEFAULT_TIMEOUT_MS) {
      await until(
        () => (messages.filter((message) => message.type === type).length >= count ? true : undefined),
        `${count} "${type}" messages`,
        timeoutMs,
      );
    },
    send(message) {
      child.send(message);
    },
    async kill() {
      if (!exit) child.kill("SIGKILL");
      await exited;
    },
    async exitCode(timeoutMs = DEFAULT_TIMEOUT_MS) {
      const result = await until(() => exit, "the child to exit", timeoutMs);
      if (result.code === null) throw new Error(`Child was killed by ${result.signal}; ${describe()}`);
      return result.code;
    },
    output: () => output,
  };
}

/** In a child: sends a message to the parent (a no-op when run by hand, without a parent). */
export function tellParent(message: ChildMessage): void {
  process.send?.(message);
}

/** In a child: calls `handler` with each message from the parent. */
export function onParentMessage(handler: (message: ChildMessage) => void): void {
  process.on("message", (message) => handler(message as ChildMessage));
}
