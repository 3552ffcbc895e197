// AWS Signature Version 4 for S3 requests signed in the Authorization header (the payload hash is sent
// in x-amz-content-sha256). Pure: the clock and the credentials come in, the headers to send go out.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
import { createHash, createHmac } from "node:crypto";

export type SigV4Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service?: string };

export type SigV4Request = {
  method: string;
  url: URL;
  /** Headers to sign and send besides host, x-amz-date and x-amz-content-sha256 (names any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body ("UNSIGNED-PAYLOAD" is not used: every body is hashed). */
  payloadSha256: string;
  now: Date;
};

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** The request's headers with x-amz-date, x-amz-content-sha256 and Authorization added. */
export function signV4(req: SigV4Request, creds: SigV4Credentials): Record<string, string> {
  const service = creds.service ?? "s3";
  const amzDate = req.now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = { host: req.url.host, "x-amz-content-sha256": req.payloadSha256, "x-amz-date": amzDate };
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n]!.trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [req.method.toUpperCase(), canonicalPath(req.url.pathname), canonicalQuery(req.url.searchParams), canonicalHeaders, signedHeaders, req.payloadSha256].join("\n");
  const scope = `${day}/${creds.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac(`AWS4${creds.secretAccessKey}`, day);
  const kSigning = hmac(hmac(hmac(kDate, creds.region), service), "aws4_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return { ...headers, authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope},SignedHeaders=${signedHeaders},Signature=${signature}` };
}

/** RFC 3986 encoding of each path segment, as S3 expects (S3 paths are not normalised or double-encoded). */
export function encodeKeyPath(key: string): string {
  return key.split("/").map(rfc3986).join("/");
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function canonicalPath(pathname: string): string {
  // The URL keeps the path as encoded by encodeKeyPath; decode and re-encode so the signature covers
  // exactly the bytes on the wire whatever the WHATWG parser left escaped.
  return pathname.split("/").map((s) => rfc3986(decodeURIComponent(s))).join("/") || "/";
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params.entries()]
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

function rfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}
