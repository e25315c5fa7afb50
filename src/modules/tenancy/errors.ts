import { AppError } from "../../platform/errors.ts";

export const tenantNotFound = (ref: string) => new AppError("not_found", `Tenant ${ref} was not found`);
export const partnerNotFound = (ref: string) =>
  new AppError("not_found", `Partner ${ref} was not found`, { details: [{ path: "partner_id", message: "no such partner" }] });
export const slugTaken = (slug: string) =>
  new AppError("conflict", `The slug "${slug}" is already taken`, { details: [{ path: "slug", message: "already taken" }] });
export const emailTaken = (email: string) =>
  new AppError("conflict", `A user with email ${email} already exists in this tenant`, {
    details: [{ path: "email", message: "already exists" }],
  });

/** PostgreSQL's unique_violation, whichever driver wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let current = error as { code?: string; cause?: unknown } | undefined;
    current;
    current = current.cause as typeof current
  ) {
    if (current.code === "23505") return true;
  }
  return false;
}
