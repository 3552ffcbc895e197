// The document storage drivers: SigV4 against AWS's published example, the S3 driver against a local
// server that speaks the S3 REST API and checks every signature itself (as S3 does: from the request
// on the wire), the local-disk driver, and the streaming ZIP writer read back by Python's zipfile.
import { execFileSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { S3Storage } from "@/lib/storage/s3";
import { EMPTY_SHA256, signV4 } from "@/lib/storage/sigv4";
import { zipStream, type ZipEntry } from "@/lib/storage/zip-writer";

describe("SigV4", () => {
  it("signs AWS's example GET Object request (sig-v4-header-based-auth) to the published signature", () => {
    const headers = signV4(
      { method: "GET", url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"), headers: { range: "bytes=0-9" }, payloadSha256: EMPTY_SHA256, now: new Date("2013-05-24T00:00:00Z") },
      { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" },
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });
});

describe("S3 driver against a local S3-compatible server", () => {
  const ACCESS = "LOCALTESTKEY";
  const SECRET = "local/test+secret";
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: { method: string; url: string }[] = [];
  let server: Server;
  let endpoint: string;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      seen.push({ method: req.method!, url: req.url! });
      const problem = verify(req, body, SECRET);
      if (problem) {
        res.writeHead(403, { "content-type": "application/xml" }).end(`<?xml version="1.0"?><Error><Code>${problem}</Code></Error>`);
        return;
      }
      const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
      if (req.method === "PUT") {
        objects.set(key, { body, contentType: String(req.headers["content-type"]) });
        res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      } else if (req.method === "GET") {
        const o = objects.get(key);
        if (!o) res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code></Error>");
        else res.writeHead(200, { "content-type": o.contentType, "content-length": o.body.length }).end(o.body);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const store = (secret = SECRET) => new S3Storage({ endpoint, region: "ap-south-1", bucket: "erp-docs", accessKeyId: ACCESS, secretAccessKey: secret, pathStyle: true, prefix: "tenant-a/" });

  it("puts, gets and deletes an object, path-style, with the prefix, signed as S3 checks it", async () => {
    const s3 = store();
    const bytes = Buffer.from("%PDF-1.3 a small stored document ₹");
    await s3.put("invoices/co1/inv1/abc.pdf", bytes, "application/pdf");
    expect(objects.get("/erp-docs/tenant-a/invoices/co1/inv1/abc.pdf")).toEqual({ body: bytes, contentType: "application/pdf" });
    expect(await s3.get("invoices/co1/inv1/abc.pdf")).toEqual(bytes);
    await s3.delete("invoices/co1/inv1/abc.pdf");
    expect(objects.has("/erp-docs/tenant-a/invoices/co1/inv1/abc.pdf")).toBe(false);
    expect(await s3.get("invoices/co1/inv1/abc.pdf")).toBeNull();
    expect(seen.map((s) => s.method)).toEqual(["PUT", "GET", "DELETE", "GET"]);
  });

  it("fails loudly (status and S3's error code) when the store refuses the signature, and stores nothing", async () => {
    const before = objects.size;
    await expect(store("wrong-secret").put("invoices/x.pdf", Buffer.from("x"), "application/pdf")).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(store("wrong-secret").get("invoices/x.pdf")).rejects.toThrow(/403 SignatureDoesNotMatch/);
    expect(objects.size).toBe(before);
  });

  it("refuses keys that could escape their place", async () => {
    await expect(store().put("../etc/passwd", Buffer.from("x"), "text/plain")).rejects.toThrow(/Bad storage key/);
    await expect(store().get("/abs")).rejects.toThrow(/Bad storage key/);
  });
});

describe("local-disk driver", () => {
  it("writes atomically under its root, reads back, deletes, and refuses keys outside it", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "erp-docs-"));
    try {
      const disk = new LocalDiskStorage(root);
      await disk.put("invoices/c/i/x.pdf", Buffer.from("one"), "application/pdf");
      await disk.put("invoices/c/i/x.pdf", Buffer.from("two"), "application/pdf");
      expect((await readFile(path.join(root, "invoices/c/i/x.pdf"))).toString()).toBe("two");
      expect((await disk.get("invoices/c/i/x.pdf"))?.toString()).toBe("two");
      expect(await disk.get("invoices/c/i/none.pdf")).toBeNull();
      await disk.delete("invoices/c/i/x.pdf");
      expect(await disk.get("invoices/c/i/x.pdf")).toBeNull();
      await expect(disk.put("../x", Buffer.from("x"), "text/plain")).rejects.toThrow(/Bad storage key/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("ZIP writer", () => {
  it("streams entries that Python's zipfile reads back byte for byte (CRC checked), with UTF-8 names", async () => {
    const entries: ZipEntry[] = [
      { name: "INV-26-27-000001.pdf", bytes: Buffer.from("%PDF-1.3 first"), modified: new Date("2026-11-03T10:15:00Z") },
      { name: "Credit note ₹.pdf", bytes: Buffer.alloc(70_000, 7), modified: new Date("2026-11-04T00:00:00Z") },
      { name: "empty.pdf", bytes: Buffer.alloc(0), modified: new Date("2026-11-05T00:00:00Z") },
    ];
    async function* gen() {
      yield* entries;
    }
    const chunks: Uint8Array[] = [];
    for await (const c of zipStream(gen())) chunks.push(c);
    const dir = await mkdtemp(path.join(os.tmpdir(), "erp-zip-"));
    try {
      const file = path.join(dir, "t.zip");
      await writeFile(file, Buffer.concat(chunks));
      const out = execFileSync("python3", ["-c", "import sys,zipfile,json,hashlib;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print(json.dumps([[i.filename,i.file_size,hashlib.sha256(z.read(i)).hexdigest(),list(i.date_time)] for i in z.infolist()]))", file]).toString();
      const listed = JSON.parse(out) as [string, number, string, number[]][];
      expect(listed.map((l) => l[0])).toEqual(entries.map((e) => e.name));
      expect(listed.map((l) => l[2])).toEqual(entries.map((e) => createHash("sha256").update(e.bytes).digest("hex")));
      // 10:15 UTC is 15:45 in India, the documents' clock.
      expect(listed[0]![3]).toEqual([2026, 11, 3, 15, 44, 0].map((v, i) => (i === 4 ? 45 : v)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

/** An independent SigV4 check of a request as received: the server's view, not the signer's. */
function verify(req: IncomingMessage, body: Buffer, secret: string): string | null {
  const auth = String(req.headers.authorization ?? "");
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request,SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return "AuthorizationHeaderMalformed";
  const [, , day, region, signedHeaders, signature] = m;
  const payloadHash = String(req.headers["x-amz-content-sha256"]);
  if (payloadHash !== createHash("sha256").update(body).digest("hex")) return "XAmzContentSHA256Mismatch";
  const amzDate = String(req.headers["x-amz-date"]);
  if (amzDate.slice(0, 8) !== day) return "AuthorizationHeaderMalformed";
  const names = signedHeaders!.split(";");
  if (!names.includes("host") || !names.includes("x-amz-date")) return "AccessDenied";
  const url = new URL(req.url!, "http://placeholder");
  const canonical = [req.method, url.pathname, url.search.slice(1), names.map((n) => `${n}:${String(req.headers[n]).trim()}\n`).join(""), signedHeaders, payloadHash].join("\n");
  const sts = ["AWS4-HMAC-SHA256", amzDate, `${day}/${region}/s3/aws4_request`, createHash("sha256").update(canonical).digest("hex")].join("\n");
  const h = (k: string | Buffer, d: string) => createHmac("sha256", k).update(d).digest();
  const key = h(h(h(h(`AWS4${secret}`, day!), region!), "s3"), "aws4_request");
  return createHmac("sha256", key).update(sts).digest("hex") === signature ? null : "SignatureDoesNotMatch";
}
