// The processor thread's entry (processor-thread.ts): the sources are TypeScript, run through tsx
// as the main thread's are (bin/crossdock.mjs).
import { register } from "tsx/esm/api";

register();
await import("./processor-worker.ts");
