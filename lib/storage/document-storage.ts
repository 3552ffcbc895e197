import "server-only";
// Where rendered documents (invoice and note PDFs) are kept: an interface with drivers side by side.
// `local` (the default) writes files under DOCUMENT_STORAGE_DIR (.data/documents), which several app
// instances share when it is a shared volume; `s3` speaks the S3 REST API (AWS S3, MinIO, Cloudflare
// R2, Backblaze B2, …) for instances on different machines. Nothing is kept in process memory, so any
// instance serves what another rendered.
import path from "node:path";
import { env } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { S3Storage } from "@/lib/storage/s3";
import type { DocumentStorage } from "@/lib/storage/storage";

let cached: DocumentStorage | undefined;

/** The storage the environment configures (DOCUMENT_STORAGE=local|s3), made once per process. */
export function documentStorage(): DocumentStorage {
  cached ??= storageFromEnv(env());
  return cached;
}

export function storageFromEnv(e: ReturnType<typeof env>): DocumentStorage {
  if (e.DOCUMENT_STORAGE === "s3") {
    // parseEnv refuses s3 without these, so they are present here.
    return new S3Storage({
      endpoint: e.S3_ENDPOINT!,
      region: e.S3_REGION,
      bucket: e.S3_BUCKET!,
      accessKeyId: e.S3_ACCESS_KEY_ID!,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
      pathStyle: e.S3_PATH_STYLE === "on",
      prefix: e.S3_PREFIX,
    });
  }
  return new LocalDiskStorage(path.resolve(e.DOCUMENT_STORAGE_DIR));
}
