import { AppError } from "../../../platform/errors.ts";
import { BrandingInput } from "../contract/index.ts";
import { assertLogoIsImage } from "./logo.ts";

/** Validates a branding change wherever it comes from: the contract's rules, and a logo that really is an image. */
export function parseBrandingInput(input: unknown): BrandingInput {
  const parsed = BrandingInput.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ path: key, message: "is not a branding field", code: "unknown_field" }))
        : [{ path: issue.path.map(String).join("."), message: issue.message, code: issue.code }],
    );
    throw new AppError(
      "validation_failed",
      `The branding is invalid (${details.map((d) => `${d.path}: ${d.message}`).join("; ")})`,
      {
        details,
      },
    );
  }
  assertLogoIsImage(parsed.data.logo);
  return parsed.data;
}
