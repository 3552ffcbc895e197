// One operation of the API reference: method and path, who may call it, what it takes (parameters and
// body) and what it answers (each status, its media types and the schema of a JSON answer).
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DocText, SchemaTable, TypeText } from "./schema-table";
import { typeParts, type OperationEntry, type Response, type Schema } from "./reference";

export const methodTone: Record<string, BadgeTone> = { get: "info", post: "success", patch: "warning", put: "warning", delete: "danger" };

export function OperationSection({ entry, responses, typeHref }: { entry: OperationEntry; responses: Record<string, Response>; typeHref: (name: string) => string }) {
  const { method, path, op } = entry;
  const params = op.parameters ?? [];
  const body = Object.entries(op.requestBody?.content ?? {});
  const answers = Object.entries(op.responses).map(([status, r]) => ({ status, r: r.$ref ? { ...responses[r.$ref.split("/").pop()!], shared: true } : { ...r, shared: false } }));
  const successes = answers.filter((a) => !a.r.shared && !/^[45]|^default$/.test(a.status));
  const errors = answers.filter((a) => !successes.includes(a));
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white shadow-card">
      <header className="border-b border-slate-200 px-5 py-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={methodTone[method] ?? "neutral"} className="font-mono">
            {method.toUpperCase()}
          </Badge>
          <code className="text-[13px] font-semibold break-all text-slate-900">{path}</code>
          {op.security.length ? <Badge tone="neutral">Token or session</Badge> : <Badge tone="brand">Public</Badge>}
        </div>
        <h3 id={`${op.operationId}-title`} className="mt-2 text-[15px] font-semibold text-slate-900">
          <a href={`#${op.operationId}`} className="hover:underline">
            {op.summary}
          </a>
        </h3>
        {op.description ? (
          <p className="mt-1 max-w-4xl text-sm whitespace-pre-line text-slate-600">
            <DocText text={op.description} />
          </p>
        ) : null}
      </header>
      <div className="space-y-5 px-5 py-4">
        {params.length ? (
          <div>
            <h4 className="mb-1.5 text-sm font-semibold text-slate-800">Parameters</h4>
            <SchemaTable schema={paramsSchema(params)} requiredLabel="Required" typeHref={typeHref} />
          </div>
        ) : null}
        {body.map(([mediaType, media]) => (
          <div key={mediaType}>
            <h4 className="mb-1.5 text-sm font-semibold text-slate-800">
              Body <code className="ml-1 text-xs font-normal text-slate-600">{mediaType}</code>
              {mediaType === "application/json" && media.schema?.additionalProperties === false ? <span className="ml-2 text-xs font-normal text-slate-500">unknown fields are refused</span> : null}
            </h4>
            {mediaType.includes("json") && media.schema ? <SchemaTable schema={media.schema} requiredLabel="Required" typeHref={typeHref} /> : <p className="text-sm text-slate-600">The file&apos;s bytes.</p>}
          </div>
        ))}
        <div>
          <h4 className="mb-1.5 text-sm font-semibold text-slate-800">Answers</h4>
          <div className="space-y-3">
            {successes.map(({ status, r }) => (
              <div key={status}>
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone="success" className="font-mono">
                    {status}
                  </Badge>
                  <span className="text-slate-700">{r.description}</span>
                  {Object.keys(r.content ?? {}).map((t) => (
                    <code key={t} className="rounded bg-slate-100 px-1 text-xs text-slate-700">
                      {t}
                    </code>
                  ))}
                  {Object.keys(r.headers ?? {}).map((h) => (
                    <span key={h} className="text-xs text-slate-500">
                      header <code>{h}</code>
                    </span>
                  ))}
                </p>
                {Object.entries(r.content ?? {})
                  .filter(([t, m]) => t.includes("json") && m.schema)
                  .map(([t, m]) => (
                    <div key={t} className="mt-1.5">
                      <AnswerSchema schema={m.schema!} typeHref={typeHref} />
                    </div>
                  ))}
              </div>
            ))}
            <p className="flex flex-wrap items-center gap-1.5 text-sm text-slate-600">
              <span className="mr-1">Refusals</span>
              {errors.map(({ status }) => (
                <Badge key={status} tone={status === "default" ? "neutral" : "warning"} className="font-mono">
                  {status === "default" ? "other" : status}
                </Badge>
              ))}
              <span className="ml-1">
                as <Link prefetch={false} href="/api-docs#errors" className="text-brand-700 underline">problem+json</Link>
              </span>
            </p>
          </div>
        </div>
      </div>
    </section>
  );
}

/** A named answer reads as a link to its type; a page or an inline answer as its table. */
function AnswerSchema({ schema, typeHref }: { schema: Schema; typeHref: (name: string) => string }) {
  if (schema.$ref) {
    return (
      <p className="text-sm text-slate-700">
        <TypeText parts={typeParts(schema)} typeHref={typeHref} /> <span className="text-slate-500">(fields below, under Types)</span>
      </p>
    );
  }
  return <SchemaTable schema={schema} requiredLabel="Always" typeHref={typeHref} />;
}

/** Path, query and header parameters as one object, so they read like fields. */
function paramsSchema(params: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[]): Schema {
  return {
    type: "object",
    required: params.filter((p) => p.required).map((p) => p.name),
    properties: Object.fromEntries(params.map((p) => [p.name, { ...(p.schema ?? {}), description: [`in ${p.in}`, p.description ?? p.schema?.description].filter(Boolean).join(" · ") }])),
  };
}
