import * as vitest from "vitest";
import { reachable } from "../../testing/scratch-erp.ts";
import { describeSqlSource } from "../../testing/sql-source-contract.ts";

// A real MariaDB (or MySQL) server (127.0.0.1:3306 as root unless CROSSDOCK_TEST_ERP_MYSQL_URL says otherwise), in a scratch database.
describeSqlSource(vitest, "mysql", await reachable("mysql"));
