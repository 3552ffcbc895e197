// One section (tag) of the API reference: its operations with their parameters, bodies and answers,
// then the named types they use, each once.
import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocsShell } from "../docs-shell";
import { OperationSection } from "../operation-section";
import { apiReference, namedTypesOf, type Schema } from "../reference";
import { DocText, SchemaTable } from "../schema-table";

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  const tag = apiReference().tags.find((t) => t.slug === section);
  return { title: tag ? `${tag.name} · API reference` : "API reference" };
}

export default async function ApiSectionPage({ params }: Props) {
  const { section } = await params;
  const { tags, schemas, responses } = apiReference();
  const tag = tags.find((t) => t.slug === section);
  if (!tag) notFound();
  const used = namedTypesOf(
    tag.operations.flatMap(({ op }) => [
      ...Object.values(op.requestBody?.content ?? {}).map((m) => m.schema),
      ...Object.values(op.responses).flatMap((r) => Object.values(r.content ?? {}).map((m) => m.schema)),
    ]).filter((s): s is Schema => !!s),
    schemas,
  ).filter((name) => name !== "Problem");
  const typeHref = (name: string) => (name === "Problem" ? "/api-docs#errors" : `#type-${name}`);
  return (
    <DocsShell current={tag.slug}>
      <header className="mb-6">
        <p className="text-sm font-medium text-brand-700">
          <Link prefetch={false} href="/api-docs" className="hover:underline">
            API reference
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{tag.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {tag.operations.length} operations{used.length ? `, ${used.length} types` : ""}. Amounts are decimal strings; every refusal is problem+json.
        </p>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {tag.operations.map(({ op }) => (
            <li key={op.operationId}>
              <a href={`#${op.operationId}`} className="text-brand-700 hover:underline">
                {op.summary}
              </a>
            </li>
          ))}
        </ul>
      </header>
      <div className="space-y-6">
        {tag.operations.map((entry) => (
          <OperationSection key={entry.op.operationId} entry={entry} responses={responses} typeHref={typeHref} />
        ))}
      </div>
      {used.length ? (
        <section aria-labelledby="types" className="mt-10">
          <h2 id="types" className="mb-3 text-lg font-semibold text-slate-900">
            Types
          </h2>
          <div className="space-y-6">
            {used.map((name) => (
              <section key={name} id={`type-${name}`} aria-labelledby={`type-${name}-title`} className="scroll-mt-6">
                <h3 id={`type-${name}-title`} className="mb-1 font-mono text-[15px] font-semibold text-slate-900">
                  {name}
                </h3>
                {schemas[name].description ? (
                  <p className="mb-2 max-w-4xl text-sm text-slate-600">
                    <DocText text={schemas[name].description!} />
                  </p>
                ) : null}
                <SchemaTable schema={schemas[name]} requiredLabel="Always" typeHref={typeHref} />
              </section>
            ))}
          </div>
        </section>
      ) : null}
    </DocsShell>
  );
}
