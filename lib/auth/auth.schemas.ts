import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

export const tokenRequest = z.strictObject({
  email: z.string({ error: "Email is required" }).trim().min(1, "Email is required"),
  password: z.string({ error: "Password is required" }).min(1, "Password is required"),
  companyId: z.string().min(1).optional().describe("Company to act for (staff with several companies); defaults to the first"),
});
export const refreshRequest = z.strictObject({ refreshToken: z.string({ error: "refreshToken is required" }).min(1, "refreshToken is required") });
export const tokenResponse = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().describe("Access token lifetime in seconds"),
  tokenType: z.literal("Bearer"),
});

export const changePasswordInput = z.strictObject({
  currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(128),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const sessionView = z.object({
  id: z.string(),
  kind: z.enum(["browser", "api"]),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string().describe("ISO 8601"),
  expiresAt: z.string().describe("ISO 8601"),
  current: z.boolean().describe("The session this request came with"),
});
export type SessionView = z.infer<typeof sessionView>;
