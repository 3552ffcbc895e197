import { AppError } from "@/lib/errors";

/** The AppError a domain call fails with; fails the test if it succeeds or throws anything else. */
export async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}
