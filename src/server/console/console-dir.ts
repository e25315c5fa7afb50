import { fileURLToPath } from "node:url";

/** The console's sources (web/) and where its build goes (web/dist), beside src/ in the package. */
export const CONSOLE_SOURCE_DIR = fileURLToPath(new URL("../../../web/", import.meta.url));
export const CONSOLE_DIST_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));
/** Written into the build: the fingerprint of the sources it was built from. */
export const BUILD_STAMP_FILE = ".build-stamp";
