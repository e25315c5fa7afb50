import { z } from "zod";

export const SignInInput = z.strictObject({
  tenant: z.string().min(1).describe("tenant slug or id"),
  email: z.string().email(),
  password: z.string().min(1),
});
export type SignInInput = z.infer<typeof SignInInput>;
