import { z } from "zod";

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
