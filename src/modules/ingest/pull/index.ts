export { createPull } from "./pull.ts";
