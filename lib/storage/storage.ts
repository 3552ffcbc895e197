// What a document storage driver does (lib/storage/document-storage.ts picks one), and the keys it accepts.

export interface DocumentStorage {
  /** What and where, for logs (never a secret). */
  readonly describe: string;
  /** Stores the bytes under the key, replacing any; resolves once they are durable. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the key (nothing stored is not an error). */
  delete(key: string): Promise<void>;
}

/** Keys are paths of safe segments only: no "..", no leading slash, nothing a file system or URL reads specially. */
export function assertStorageKey(key: string): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/.test(key) || key.length > 512) throw new Error(`Bad storage key: ${JSON.stringify(key)}`);
}
