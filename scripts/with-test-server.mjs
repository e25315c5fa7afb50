#!/usr/bin/env node
// Runs a command against the PostgreSQL server, in a database of its own:
//
//   node scripts/with-test-server.mjs npm test
//
// 1. creates `crossdock_ci_<timestamp>` on the server (CROSSDOCK_TEST_SERVER_URL, default
//    postgres://postgres@127.0.0.1:5432/postgres);
// 2. runs the command with DATABASE_URL pointing at that database. The test fixture
//    (src/platform/testing/test-database.ts) connects there and creates a `crossdock_test_*`
//    database per test file, which it drops when the file is done;
// 3. drops its own database, and any `crossdock_ci_*` / `crossdock_test_*` database older than an
//    hour (left behind by a run that was killed), then exits with the command's exit code.
//
// Databases younger than an hour are left alone: they may belong to a run going on beside this one.
import { spawn } from "node:child_process";
import pg from "pg";

const ADMIN_URL = process.env.CROSSDOCK_TEST_SERVER_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const STALE_AFTER_MS = 60 * 60 * 1000;

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("usage: node scripts/with-test-server.mjs <command> [args...]   e.g. npm test");
  process.exit(2);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14); // yyyymmddhhmmss, UTC
const runDb = `crossdock_ci_${stamp}_${process.pid}`;

/** Runs statements on the server's admin database, one connection, closed afterwards. */
async function admin(fn) {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops Crossdock's CI and test databases older than an hour. Returns the names it dropped. */
async function dropStale(client) {
  // A database's directory gets its PG_VERSION file when the database is created; its mtime is the
  // creation time (reading it needs a superuser, which the CI server's `postgres` user is).
  const { rows } = await client.query(
    `select datname,
            (pg_stat_file('base/' || oid || '/PG_VERSION', true)).modification as created
       from pg_database
      where datname like 'crossdock\\_test\\_%' or datname like 'crossdock\\_ci\\_%'`,
  );
  const dropped = [];
  for (const { datname, created } of rows) {
    if (datname === runDb || !created || Date.now() - new Date(created).getTime() < STALE_AFTER_MS) continue;
    await client.query(`drop database if exists "${datname}" with (force)`);
    dropped.push(datname);
  }
  return dropped;
}

function runCommand(env) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
    const forward = (signal) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => {
      console.error(`with-test-server: could not run ${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));
  });
}

let exitCode = 1;
try {
  await admin(async (client) => {
    const dropped = await dropStale(client);
    if (dropped.length > 0) console.log(`with-test-server: dropped ${dropped.length} stale database(s): ${dropped.join(", ")}`);
    await client.query(`create database "${runDb}"`);
  });
} catch (error) {
  console.error(`with-test-server: cannot use the PostgreSQL server at ${redact(ADMIN_URL)}: ${error.message}`);
  console.error("Is it running? (pg_isready -h 127.0.0.1 -p 5432)");
  process.exit(1);
}

const url = new URL(ADMIN_URL);
url.pathname = `/${runDb}`;
console.log(`with-test-server: DATABASE_URL=${redact(url.toString())}`);
try {
  exitCode = await runCommand({ ...process.env, DATABASE_URL: url.toString() });
} finally {
  try {
    await admin(async (client) => {
      await client.query(`drop database if exists "${runDb}" with (force)`);
      await dropStale(client);
      const { rows } = await client.query(`select count(*)::int as n from pg_database where datname like 'crossdock\\_test\\_%'`);
      if (rows[0].n > 0) {
        console.log(
          `with-test-server: ${rows[0].n} crossdock_test_* database(s) remain (a run beside this one, or a test file that did not drop its database)`,
        );
      }
    });
  } catch (error) {
    console.error(`with-test-server: cleanup failed: ${error.message}`);
    if (exitCode === 0) exitCode = 1;
  }
}
process.exit(exitCode);

function redact(value) {
  const u = new URL(value);
  if (u.password) u.password = "***";
  return u.toString();
}
