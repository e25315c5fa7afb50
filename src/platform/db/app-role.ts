/** The PostgreSQL role tenant-scoped work runs as; row-level security applies to it. */
export const APP_ROLE = "crossdock_app";
