/**
 * The tenant the console acts in. Usually the signed-in user's own; a partner admin may switch to
 * another tenant of their partner, and every request then names it in X-Crossdock-Tenant.
 * Kept per browser tab (sessionStorage), so two tabs can work in two tenants.
 */
const KEY = "crossdock.acting-tenant";

let current: string | null = readStored();

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function actingTenant(): string | null {
  return current;
}

export function setActingTenant(slug: string | null): void {
  current = slug;
  try {
    if (slug) sessionStorage.setItem(KEY, slug);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable (private mode): the choice lasts until the page reloads
  }
}
