// The backup settings read from the environment: defaults, 0 keeps everything, and a bad value stops
// start-up with a message naming the variable.
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

describe("BACKUP_DIR and BACKUP_RETENTION_DAYS", () => {
  it("default to .data/backups and 14 days; 0 keeps every backup; an empty value counts as unset", () => {
    expect(parseEnv({})).toMatchObject({ BACKUP_DIR: ".data/backups", BACKUP_RETENTION_DAYS: 14 });
    expect(parseEnv({ BACKUP_DIR: "/var/backups/erp", BACKUP_RETENTION_DAYS: "30" })).toMatchObject({ BACKUP_DIR: "/var/backups/erp", BACKUP_RETENTION_DAYS: 30 });
    expect(parseEnv({ BACKUP_RETENTION_DAYS: "0" }).BACKUP_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ BACKUP_RETENTION_DAYS: "" }).BACKUP_RETENTION_DAYS).toBe(14);
  });

  it.each(["-1", "abc", "1.5", "7d", "99999"])("refuses BACKUP_RETENTION_DAYS=%s, naming it", (value) => {
    expect(() => parseEnv({ BACKUP_RETENTION_DAYS: value })).toThrow(/BACKUP_RETENTION_DAYS: BACKUP_RETENTION_DAYS (must be a whole number of days|can be at most 3650)/);
  });

  it("refuses an empty BACKUP_DIR, naming it", () => {
    expect(() => parseEnv({ BACKUP_DIR: "" })).toThrow(/BACKUP_DIR: BACKUP_DIR must name a directory/);
  });
});
