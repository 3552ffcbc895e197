// The API reference, rendered on the server from the same OpenAPI document the API serves
// (/api/v1/openapi.json): how to call it, what errors look like, and every operation by section.
// Each section's page (/api-docs/<section>) shows the operations with their fields.
import Link from "next/link";
import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { DocsShell } from "./docs-shell";
import { methodTone } from "./operation-section";
import { apiReference } from "./reference";
import { DocText, SchemaTable } from "./schema-table";

export const metadata: Metadata = { title: "API reference" };

export default function ApiDocsPage() {
  const { doc, tags, schemas } = apiReference();
  const count = tags.reduce((n, t) => n + t.operations.length, 0);
  return (
    <DocsShell>
      <header className="mb-8">
        <p className="text-sm font-medium text-brand-700">Vendor ERP</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">API reference</h1>
        <p className="mt-2 max-w-3xl text-slate-600">
          <DocText text={doc.info.description} />
        </p>
      </header>

      <section aria-labelledby="start" className="mb-8 grid grid-cols-1 gap-4 md:grid-cols-2">
        <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-5 shadow-card [overflow-wrap:anywhere]">
          <h2 id="start" className="text-[15px] font-semibold text-slate-900">
            Calling the API
          </h2>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm text-slate-700">
            <li>
              Sign in with <code className="rounded bg-slate-100 px-1">POST /api/v1/auth/token</code> (email and password): you get an access token (15 minutes) and a refresh token.
            </li>
            <li>
              Send <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;accessToken&gt;</code> with every call; rotate with <code className="rounded bg-slate-100 px-1">POST /api/v1/auth/refresh</code>.
            </li>
            <li>
              Lists answer a page: <code className="rounded bg-slate-100 px-1">{"{ data, nextCursor, total }"}</code>; pass <code className="rounded bg-slate-100 px-1">nextCursor</code> back as <code className="rounded bg-slate-100 px-1">cursor</code> (with <code className="rounded bg-slate-100 px-1">limit</code> up to 100).
            </li>
            <li>
              Creating calls take an <code className="rounded bg-slate-100 px-1">Idempotency-Key</code> header: a retry with the same key answers the first answer again.
            </li>
          </ol>
          <p className="mt-3 text-sm text-slate-600">
            Machine-readable: <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}, {count} operations).
          </p>
        </div>
        <div id="errors" className="min-w-0 scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5 shadow-card [overflow-wrap:anywhere]">
          <h2 className="text-[15px] font-semibold text-slate-900">Errors</h2>
          <p className="mt-2 text-sm text-slate-700">
            Every refusal is <code className="rounded bg-slate-100 px-1">application/problem+json</code> (RFC 9457) with a stable <code className="rounded bg-slate-100 px-1">code</code>; bad input names each field in <code className="rounded bg-slate-100 px-1">errors</code> and changes nothing.
          </p>
          <div className="mt-3">
            <SchemaTable schema={schemas.Problem} requiredLabel="Always" typeHref={(name) => `#type-${name}`} />
          </div>
        </div>
      </section>

      <h2 className="text-lg font-semibold text-slate-900">Operations by section</h2>
      <p className="mb-3 text-sm text-slate-600">
        Paths are under <code className="rounded bg-slate-100 px-1">/api/v1</code> unless written in full. Open a section for its fields, bodies and answers.
      </p>
      <div className="space-y-6">
        {tags.map((t) => (
          <section key={t.slug} aria-labelledby={`tag-${t.slug}`}>
            <h3 id={`tag-${t.slug}`} className="mb-2 flex items-baseline gap-2 text-[15px] font-semibold text-slate-900">
              <Link prefetch={false} href={`/api-docs/${t.slug}`} className="hover:underline">
                {t.name}
              </Link>
              <span className="text-xs font-normal text-slate-500">{t.operations.length} operations</span>
            </h3>
            <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
              {t.operations.map(({ method, path, op }) => (
                <li key={op.operationId}>
                  <Link prefetch={false} href={`/api-docs/${t.slug}#${op.operationId}`} className="grid grid-cols-[4.5rem_minmax(0,22rem)_minmax(0,1fr)] items-baseline gap-3 px-3 py-1.5 text-sm hover:bg-slate-50">
                    <Badge tone={methodTone[method] ?? "neutral"} className="justify-self-start font-mono">
                      {method.toUpperCase()}
                    </Badge>
                    <code className="truncate text-[13px] text-slate-900" title={path}>
                      {path.replace(/^\/api\/v1/, "")}
                    </code>
                    <span className="truncate text-slate-600">{op.summary}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </DocsShell>
  );
}
