import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (the accessibility engine browsers' devtools use) in the page, for WCAG 2.1 A and
 * AA rules, and returns the serious and critical violations: unlabelled controls, missing names,
 * too little contrast, broken ARIA.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated rather than added as a <script>: the console's CSP (rightly) refuses inline scripts.
  await page.evaluate(`${axeSource}\n;true`);
  const results = await page.evaluate<{
    violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  }>(`axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })`);
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
