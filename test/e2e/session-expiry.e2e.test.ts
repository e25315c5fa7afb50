import { afterAll, beforeAll, describe, it } from "vitest";
import { containsText } from "./support/assertions.ts";
import { chromiumMissing, SKIP_REASON } from "./support/browser.ts";
import { type ConsoleUnderTest, signIn, startConsoleUnderTest } from "./support/console-under-test.ts";
import { PEOPLE, seedConsoleWorld } from "./support/seed.ts";

if (chromiumMissing) console.warn(`skipping the console's browser tests: ${SKIP_REASON}`);

const TTL_SECONDS = 4;

describe.skipIf(chromiumMissing)("console: sessions expire", { timeout: 60_000 }, () => {
  let app: ConsoleUnderTest;
  beforeAll(async () => {
    app = await startConsoleUnderTest({ CROSSDOCK_SESSION_TTL_HOURS: String(TTL_SECONDS / 3600) });
    await seedConsoleWorld(app.operator, 5);
  }, 120_000);
  afterAll(() => app?.stop());

  it("sends a user whose session ran out back to sign in, saying why, and back to the page afterwards", async () => {
    const { context, page } = await app.newPage();
    await signIn(page, "acme", PEOPLE.admin.email);
    // The browser keeps the cookie longer than the server keeps the session, so it is the server
    // that finds the session over, as when a cookie outlives a shortened lifetime or a restore.
    const [cookie] = await context.cookies();
    if (!cookie) throw new Error("no session cookie after signing in");
    await context.addCookies([{ ...cookie, expires: Math.floor(Date.now() / 1000) + 3600 }]);
    await new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1) * 1000));
    // Pages already seen are cached; the next call to the API finds the session gone.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /^Audit/ })
      .click();
    await page.waitForURL(/\/sign-in\?/);
    await containsText(page.getByRole("status"), "Your session has ended");
    await page.getByLabel("Email").fill(PEOPLE.admin.email);
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByTestId("audit-table").waitFor();
  });
});
