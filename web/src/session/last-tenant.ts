/** The tenant last signed in to on this browser, so the sign-in page can show its branding. */
const KEY = "crossdock.last-tenant";

export function lastTenant(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberTenant(slug: string): void {
  try {
    localStorage.setItem(KEY, slug);
  } catch {
    // storage unavailable: nothing to remember
  }
}
