export { bytes, iso, isoOrNull } from "../../platform/db/db-values.ts";
