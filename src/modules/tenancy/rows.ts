export { iso, isoOrNull } from "../../platform/db/db-values.ts";
