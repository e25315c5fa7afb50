import * as vitest from "vitest";
import { reachable } from "../../testing/scratch-erp.ts";
import { describeSqlSource } from "../../testing/sql-source-contract.ts";

// A real PostgreSQL server (127.0.0.1:5432 unless CROSSDOCK_TEST_ERP_POSTGRES_URL says otherwise), in a scratch database.
describeSqlSource(vitest, "postgres", await reachable("postgres"));
