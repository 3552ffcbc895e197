// The readable API reference, rendered from the same OpenAPI document the API serves.
import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export const metadata: Metadata = { title: "API reference · Vendor ERP" };

type JsonSchema = { type?: string | string[]; enum?: unknown[]; format?: string; description?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; maxLength?: number; minLength?: number; pattern?: string; anyOf?: JsonSchema[]; const?: unknown; default?: unknown };
type Param = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Op = { tags: string[]; summary: string; description?: string; operationId: string; security: unknown[]; parameters?: Param[]; requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { description?: string; $ref?: string }> };

const methodTone: Record<string, BadgeTone> = { get: "info", post: "success", patch: "warning", put: "warning", delete: "danger" };

export default function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods as Record<string, Op>).map(([method, op]) => ({ path, method, op })));
  return (
    <main className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <header className="mb-8">
        <p className="text-sm font-medium text-brand-700">Vendor ERP</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">API reference</h1>
        <p className="mt-2 max-w-3xl text-slate-600">{doc.info.description}</p>
        <p className="mt-3 text-sm text-slate-600">
          Machine-readable: <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI {doc.openapi}). Sign in with{" "}
          <code className="rounded bg-slate-100 px-1">POST /api/v1/auth/token</code> and send <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;accessToken&gt;</code>.
        </p>
      </header>
      {doc.tags.map((tag) => (
        <section key={tag.name} className="mb-10" aria-labelledby={`tag-${tag.name}`}>
          <h2 id={`tag-${tag.name}`} className="mb-3 text-lg font-semibold text-slate-900">{tag.name}</h2>
          <div className="space-y-4">
            {ops.filter((o) => o.op.tags.includes(tag.name)).map(({ path, method, op }) => (
              <Card key={op.operationId} id={op.operationId}>
                <CardHeader
                  as="h3"
                  title={
                    <span className="flex flex-wrap items-center gap-2">
                      <Badge tone={methodTone[method] ?? "neutral"}>{method.toUpperCase()}</Badge>
                      <code className="text-[13px]">{path}</code>
                    </span>
                  }
                  description={op.summary}
                  actions={op.security.length ? <Badge tone="neutral">Auth required</Badge> : <Badge tone="brand">Public</Badge>}
                />
                <CardBody className="space-y-4">
                  {op.description && <p className="text-slate-600">{op.description}</p>}
                  {op.parameters?.length ? <ParamTable title="Parameters" rows={op.parameters.map((p) => ({ name: p.name, where: p.in, required: !!p.required, schema: p.schema ?? {}, description: p.description }))} /> : null}
                  {op.requestBody ? <BodyTable schema={op.requestBody.content["application/json"].schema} /> : null}
                  <div>
                    <h4 className="mb-1 text-sm font-semibold text-slate-800">Responses</h4>
                    <ul className="flex flex-wrap gap-2 text-sm">
                      {Object.entries(op.responses).map(([status, r]) => (
                        <li key={status}>
                          <Badge tone={status.startsWith("2") ? "success" : status.startsWith("4") ? "warning" : "neutral"}>{status}</Badge>{" "}
                          <span className="text-slate-600">{r.description ?? "problem+json"}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                </CardBody>
              </Card>
            ))}
          </div>
        </section>
      ))}
    </main>
  );
}

function BodyTable({ schema }: { schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([name, s]) => ({ name, where: "body", required: required.has(name), schema: s, description: s.description }));
  return <ParamTable title="JSON body (unknown fields are rejected)" rows={rows} />;
}

function ParamTable({ title, rows }: { title: string; rows: { name: string; where: string; required: boolean; schema: JsonSchema; description?: string }[] }) {
  return (
    <div>
      <h4 className="mb-1 text-sm font-semibold text-slate-800">{title}</h4>
      <Table>
        <THead>
          <Tr>
            <Th>Name</Th>
            <Th>In</Th>
            <Th>Type</Th>
            <Th>Notes</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={`${r.where}-${r.name}`}>
              <Td>
                <code>{r.name}</code>
                {r.required && <span className="ml-1 text-danger-600" title="required">*</span>}
              </Td>
              <Td muted>{r.where}</Td>
              <Td><code className="text-xs">{typeOf(r.schema)}</code></Td>
              <Td muted>{[r.description, r.schema.description, constraint(r.schema)].filter(Boolean).join(" · ")}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const t = Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
  return s.format ? `${t} (${s.format})` : t;
}

function constraint(s: JsonSchema) {
  const parts: string[] = [];
  if (s.maxLength) parts.push(`max ${s.maxLength} chars`);
  if (s.pattern) parts.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(", ");
}
