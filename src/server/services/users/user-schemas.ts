import { z } from "zod";
import { roleSchema } from "~/server/auth/roles";

export const MIN_PASSWORD_LENGTH = 10;

export const ZCreateUserInput = z.object({
  email: z.email("Enter a valid email address.").max(320).transform((email) => email.trim().toLowerCase()),
  name: z.string().trim().min(1, "Enter a name.").max(120),
  role: roleSchema,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(1024),
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZSetUserRoleInput = z.object({ userId: z.string().min(1).max(64), role: roleSchema });
export type TSetUserRoleInput = z.infer<typeof ZSetUserRoleInput>;

export const ZSetUserActiveInput = z.object({ userId: z.string().min(1).max(64), active: z.boolean() });
export type TSetUserActiveInput = z.infer<typeof ZSetUserActiveInput>;

/** What the admin screen shows of a user: never the password hash. */
export const userSummarySelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  createdAt: true,
} as const;
