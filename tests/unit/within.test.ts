import { afterEach, expect, it, vi } from "vitest";
import { within } from "@/lib/within";

afterEach(() => vi.useRealTimers());

it("answers with the work when it settles in time, and rejects with the message when it does not", async () => {
  vi.useFakeTimers();
  await expect(within(1000, Promise.resolve("sent"), "too slow")).resolves.toBe("sent");
  const hung = within(1000, new Promise(() => {}), "The mail provider did not answer within 1 s");
  const caught = hung.catch((e: Error) => e.message);
  await vi.advanceTimersByTimeAsync(999);
  expect(vi.getTimerCount()).toBe(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(await caught).toBe("The mail provider did not answer within 1 s");
  // A failure of the work itself is its own, and the timer is cleared.
  await expect(within(1000, Promise.reject(new Error("refused")), "too slow")).rejects.toThrow("refused");
  expect(vi.getTimerCount()).toBe(0);
});
