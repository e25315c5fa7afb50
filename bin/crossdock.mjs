#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript sources directly: no build step between a clone and a running Crossdock.
// --max-semi-space-size=64: bulk upserts create many short-lived objects; a larger young generation
// halved garbage-collection time and doubled upsert throughput in bench/records.ts.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
