// The layer rules of ../shared/STYLE.md ("Dependencies between parts") and DESIGN.md ("Layout"):
//
//   server, cli, web  →  flows  →  capability modules  →  tenancy, governance, records, ai  →  platform
//
// Run with `npm run deps` (it cruises src, and test/, bench/ and web/ when they exist). Type-only imports count: a layer that may not import another may not
// import its types either (the console must not even see server types).

const FOUNDATION = "(tenancy|governance|records|ai)";
const CAPABILITY = "(ingest|documents|knowledge|forecasting|signals|workflows|agents|actions|observability)";
/** Client-safe contract files, anywhere under src: the only src files the console may import. */
const CONTRACT = "^src/(contract/|.*/contract/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles (STYLE.md). Break the cycle by moving the shared part down a layer.",
      from: {},
      to: { circular: true },
    },

    // ── The layers, bottom up ─────────────────────────────────────────────────────────────────
    {
      name: "platform-imports-no-upper-layer",
      severity: "error",
      comment: "src/platform is the bottom layer: it imports no module, flow, server or cli code.",
      from: { path: "^src/platform/" },
      to: { path: "^src/(modules|flows|server|cli)/" },
    },
    {
      name: "foundation-imports-only-platform-and-foundation",
      severity: "error",
      comment:
        "Foundation modules (tenancy, governance, records, ai) import only platform and each other; " +
        "never a capability module, a flow, the server or the cli.",
      from: { path: `^src/modules/${FOUNDATION}/` },
      to: { path: "^src/", pathNot: [`^src/platform/`, `^src/modules/${FOUNDATION}/`] },
    },
    {
      name: "governance-and-tenancy-do-not-import-records",
      severity: "error",
      comment: "records builds on tenancy and governance (it writes audit entries); the reverse would be a layer cycle.",
      from: { path: "^src/modules/(governance|tenancy)/" },
      to: { path: "^src/modules/records/" },
    },
    {
      name: "capability-modules-are-isolated",
      severity: "error",
      comment: "A capability module never imports another capability module: what spans two of them is a flow (src/flows).",
      from: { path: `^src/modules/${CAPABILITY}/` },
      to: { path: `^src/modules/${CAPABILITY}/`, pathNot: "^src/modules/$1/" },
    },
    {
      name: "modules-import-no-flow-server-or-cli",
      severity: "error",
      comment: "Modules sit below flows, server and cli.",
      from: { path: "^src/modules/" },
      to: { path: "^src/(flows|server|cli)/" },
    },
    {
      name: "flows-import-no-server-or-cli",
      severity: "error",
      comment: "Flows sit below the server and the cli.",
      from: { path: "^src/flows/" },
      to: { path: "^src/(server|cli)/" },
    },
    {
      name: "server-imports-no-cli",
      severity: "error",
      comment: "The cli may start the server; the server never reaches into the cli.",
      from: { path: "^src/server/" },
      to: { path: "^src/cli/" },
    },

    {
      name: "demo-imports-only-platform-and-foundation",
      severity: "error",
      comment:
        "The demo generator (src/demo) builds a business out of canonical records: it imports platform and foundation " +
        "modules only, and loads data through the API like any customer, never through capability internals.",
      from: { path: "^src/demo/", pathNot: "\\.test\\.ts$" },
      to: { path: "^src/", pathNot: ["^src/demo/", "^src/platform/", `^src/modules/${FOUNDATION}/`] },
    },
    {
      name: "only-cli-tests-and-benchmarks-use-the-demo",
      severity: "error",
      comment: "The demo is a tool for people trying Crossdock, tests and benchmarks; shipped capabilities never depend on it.",
      from: { path: "^src/", pathNot: ["^src/demo/", "^src/cli/", "\\.test\\.ts$"] },
      to: { path: "^src/demo/" },
    },

    // ── Public surfaces ───────────────────────────────────────────────────────────────────────
    {
      name: "outside-code-imports-a-module-through-its-index",
      severity: "error",
      comment:
        "Code outside a module (src, test/, bench/) imports it only through src/modules/<name>/index.ts " +
        "(contract files may import other modules' contract files directly).",
      from: { path: "^(src|test)/", pathNot: ["^src/modules/", CONTRACT] },
      to: { path: "^src/modules/[^/]+/.", pathNot: "^src/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "benchmarks-import-a-module-through-its-index",
      severity: "error",
      comment:
        "The same rule for bench/, which may also use the EDI reader's own index (src/modules/ingest/edi/index.ts): " +
        "the X12 benchmark measures the reader alone, below the ingest module.",
      from: { path: "^bench/" },
      to: { path: "^src/modules/[^/]+/.", pathNot: ["^src/modules/[^/]+/index\\.ts$", "^src/modules/ingest/edi/index\\.ts$"] },
    },
    {
      name: "modules-import-other-modules-through-their-index",
      severity: "error",
      comment:
        "A module imports another module only through its index.ts; only its own files (and tests) " + "may reach its internals.",
      from: { path: "^src/modules/([^/]+)/", pathNot: CONTRACT },
      to: {
        path: "^src/modules/[^/]+/.",
        pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "contract-imports-only-zod-and-contracts",
      severity: "error",
      comment:
        "Contract files are client-safe: the console imports them, so they import only zod and other contract files " +
        "(their tests may import vitest).",
      from: { path: CONTRACT, pathNot: "\\.test\\.ts$" },
      to: { pathNot: [CONTRACT, "(^|/)node_modules/zod/"] },
    },

    // ── Outside src ───────────────────────────────────────────────────────────────────────────
    {
      name: "src-imports-no-test-bench-or-web",
      severity: "error",
      comment: "Shipped code never depends on test/, bench/ or the console.",
      from: { path: "^src/" },
      to: { path: "^(test|bench|web)/" },
    },
    {
      name: "web-imports-only-contracts-from-src",
      severity: "error",
      comment: "The console imports only client-safe contract types (src/**/contract/**), never server code.",
      from: { path: "^web/" },
      to: { path: "^src/", pathNot: CONTRACT },
    },

    // ── Packages ──────────────────────────────────────────────────────────────────────────────
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that does not resolve: a typo, or a package missing from package.json.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-non-package-json",
      severity: "error",
      comment: "A package that is installed but not in package.json: add it, or it will be missing on a clean install.",
      from: {},
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "not-to-dev-dep",
      severity: "error",
      comment: "Shipped code imports only dependencies, not devDependencies (tests and test fixtures may).",
      from: { path: "^src/", pathNot: ["\\.test\\.ts$", "^src/platform/testing/"] },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "x12-parsers-to-compare-only-in-bench",
      severity: "error",
      comment:
        "node-x12 and x12-parser are dev dependencies for the X12 benchmark only; Crossdock reads X12 with its own reader.",
      from: { pathNot: "^bench/" },
      to: { path: "(^|/)node_modules/(node-x12|x12-parser)/" },
    },
    {
      name: "no-deprecated-core",
      severity: "error",
      from: {},
      to: { dependencyTypes: ["core"], path: "^(punycode|domain|constants|sys|_linklist|_stream_wrap)$" },
    },
  ],

  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(crossdock-data|dist|web/dist|\\.scratch)/" },
    tsConfig: { fileName: "tsconfig.json" },
    // Count `import type` too: layer rules are about what a part knows of, not only what it loads.
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".d.ts", ".json"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
