import bcrypt from "bcryptjs";
import { z } from "zod";

const COST = 10;

export const passwordSchema = z
  .string({ error: "Password is required" })
  .min(8, "Use at least 8 characters")
  .max(128, "Use at most 128 characters");

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string | null | undefined) {
  // Compare against a fixed hash when the user has none, so timing does not reveal which.
  return bcrypt.compare(password, hash ?? DUMMY_HASH);
}

const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.Yq3jQ2l6lJ3m2m8Jr9Q6qJ6QnN2e";
