import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import pg from "pg";
import type { SqlDialect } from "../contract/index.ts";

/** The machine's database servers a SQL connector test reads (override with these variables). */
const POSTGRES_URL = process.env.CROSSDOCK_TEST_ERP_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MARIADB_URL = process.env.CROSSDOCK_TEST_ERP_MYSQL_URL ?? "mysql://root@127.0.0.1:3306/";

/** Whether the server answers; a test of a connector may not mock its source, so it is skipped (saying why) when not. */
export async function reachable(dialect: SqlDialect): Promise<string | null> {
  try {
    if (dialect === "postgres") {
      const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3_000 });
      await client.connect();
      await client.end();
    } else {
      const connection = await mysql.createConnection({ uri: MARIADB_URL, connectTimeout: 3_000 });
      await connection.end();
    }
    return null;
  } catch (error) {
    return `${dialect === "postgres" ? POSTGRES_URL : MARIADB_URL} is unreachable (${(error as Error).message})`;
  }
}

/**
 * A scratch database on a real server holding an ERP's item master (table `erp`), and a user that
 * may only read it (on MariaDB, with a password; PostgreSQL here trusts local connections).
 */
export async function createScratchErp(dialect: SqlDialect) {
  const suffix = randomBytes(5).toString("hex");
  const database = `crossdock_erp_${suffix}`;
  if (dialect === "postgres") {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`create table erp (id serial primary key, item_no text not null, descr text, uom text not null,
                          list_price numeric(12, 4) not null, updated_at timestamptz(6) not null)`);
    return {
      connection: {
        dialect,
        host: url.hostname,
        port: Number(url.port || 5432),
        database,
        user: decodeURIComponent(url.username),
      },
      exec: async (statement: string, values: unknown[] = []) => void (await client.query(toDollars(statement), values)),
      async drop() {
        await client.end();
        const again = new pg.Client({ connectionString: POSTGRES_URL });
        await again.connect();
        await again.query(`drop database if exists ${database} with (force)`);
        await again.end();
      },
    };
  }
  const url = new URL(MARIADB_URL);
  const admin = await mysql.createConnection({ uri: MARIADB_URL, multipleStatements: false });
  const user = `crossdock_ro_${suffix}`;
  const password = `pw-${randomBytes(12).toString("hex")}`;
  await admin.query(`create database ${database}`);
  await admin.query(`create table ${database}.erp (id int auto_increment primary key, item_no varchar(40) not null, descr varchar(200),
                       uom varchar(8) not null, list_price decimal(12, 4) not null, updated_at datetime(6) not null)`);
  for (const host of ["%", "localhost"]) {
    await admin.query(`create user '${user}'@'${host}' identified by '${password}'`);
    await admin.query(`grant select on ${database}.* to '${user}'@'${host}'`);
  }
  await admin.query(`use ${database}`);
  return {
    connection: { dialect, host: url.hostname, port: Number(url.port || 3306), database, user, password },
    exec: async (statement: string, values: unknown[] = []) => void (await admin.query(statement, values)),
    async drop() {
      for (const host of ["%", "localhost"]) await admin.query(`drop user if exists '${user}'@'${host}'`);
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
    },
  };
}

/** `?` placeholders as PostgreSQL's `$n`, so one statement text serves both. */
function toDollars(statement: string): string {
  let n = 0;
  return statement.replace(/\?/g, () => `$${++n}`);
}

export type ScratchErp = Awaited<ReturnType<typeof createScratchErp>>;
