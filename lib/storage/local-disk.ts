import "server-only";
// The local-disk driver: one file per key under a root directory. A write goes to a temporary file in
// the same directory, is flushed, then renamed over the key, so a reader (in this or another process
// on the same volume) sees the old bytes or the new ones, never half a file.
import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type DocumentStorage } from "@/lib/storage/storage";

export class LocalDiskStorage implements DocumentStorage {
  readonly describe: string;

  constructor(private readonly root: string) {
    this.describe = `local disk ${root}`;
  }

  async put(key: string, bytes: Buffer, _contentType?: string): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await open(tmp, "w", 0o640);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.fileOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileOf(key), { force: true });
  }

  private fileOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }
}
