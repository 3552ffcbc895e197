import "server-only";
// The S3-compatible driver: PUT, GET and DELETE of one object over the S3 REST API, signed with
// SigV4 (lib/storage/sigv4.ts). Path-style URLs (endpoint/bucket/key: MinIO and most self-hosted
// stores) or virtual-hosted (bucket.endpoint/key: AWS). Each request has a deadline; a failure is an
// error naming the status and S3's error code, never a silent miss (only 404 is "not stored").
import { assertStorageKey, type DocumentStorage } from "@/lib/storage/storage";
import { encodeKeyPath, sha256Hex, signV4, EMPTY_SHA256 } from "@/lib/storage/sigv4";

export type S3Config = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  pathStyle: boolean;
  /** Prepended to every key ("erp/" keeps the app's objects apart in a shared bucket). */
  prefix?: string;
  timeoutMs?: number;
  now?: () => Date;
};

export class S3Storage implements DocumentStorage {
  readonly describe: string;

  constructor(private readonly c: S3Config) {
    this.describe = `S3 bucket ${c.bucket} at ${new URL(c.endpoint).host} (${c.region})`;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    const res = await this.send("PUT", key, bytes, { "content-type": contentType });
    if (!res.ok) throw await s3Error("PUT", key, res);
    await res.arrayBuffer();
  }

  async get(key: string): Promise<Buffer | null> {
    const res = await this.send("GET", key);
    if (res.status === 404) {
      await res.arrayBuffer();
      return null;
    }
    if (!res.ok) throw await s3Error("GET", key, res);
    return Buffer.from(await res.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    const res = await this.send("DELETE", key);
    // S3 answers 204 whether or not the key existed; some compatible stores answer 404.
    if (!res.ok && res.status !== 404) throw await s3Error("DELETE", key, res);
    await res.arrayBuffer();
  }

  private send(method: string, key: string, body?: Buffer, headers: Record<string, string> = {}): Promise<Response> {
    assertStorageKey(key);
    const url = this.urlOf(`${this.c.prefix ?? ""}${key}`);
    const signed = signV4({ method, url, headers, payloadSha256: body ? sha256Hex(body) : EMPTY_SHA256, now: (this.c.now ?? (() => new Date()))() }, this.c);
    // fetch sets host itself (from the URL, the same value that was signed).
    const { host: _host, ...send } = signed;
    return fetch(url, { method, headers: send, body: body ? new Uint8Array(body) : undefined, signal: AbortSignal.timeout(this.c.timeoutMs ?? 15_000) });
  }

  private urlOf(key: string): URL {
    const base = new URL(this.c.endpoint);
    const basePath = base.pathname.replace(/\/+$/, "");
    if (this.c.pathStyle) return new URL(`${base.protocol}//${base.host}${basePath}/${encodeKeyPath(this.c.bucket)}/${encodeKeyPath(key)}`);
    return new URL(`${base.protocol}//${this.c.bucket}.${base.host}${basePath}/${encodeKeyPath(key)}`);
  }
}

async function s3Error(method: string, key: string, res: Response): Promise<Error> {
  const text = await res.text().catch(() => "");
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  return new Error(`S3 ${method} ${key}: ${res.status}${code ? ` ${code}` : ""}`);
}
