// A JSON Schema as a table a person reads: one row per field (nested fields under their parent),
// its type (named types link to their section), whether it is required, what it means and its limits.
import { Fragment } from "react";
import { schemaRows, typeParts, type Schema, type TypePart } from "./reference";

/** Nested fields step in by 1rem a level (classes spelled out so Tailwind finds them). */
const indent = ["pl-3", "pl-7", "pl-11", "pl-15", "pl-19", "pl-23", "pl-27"];

export function SchemaTable({ schema, requiredLabel, typeHref }: { schema: Schema; requiredLabel: string; typeHref: (name: string) => string }) {
  const rows = schemaRows(schema);
  if (!rows.length) {
    return (
      <p className="text-sm text-slate-700">
        <TypeText parts={typeParts(schema)} typeHref={typeHref} />
        {schema.description ? (
          <span className="text-slate-600">
            {" — "}
            <DocText text={schema.description} />
          </span>
        ) : null}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full border-collapse text-left text-[13px]">
        <thead className="bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-1.5 font-medium">Field</th>
            <th scope="col" className="px-3 py-1.5 font-medium">Type</th>
            <th scope="col" className="px-3 py-1.5 font-medium">{requiredLabel}</th>
            <th scope="col" className="w-1/2 px-3 py-1.5 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((r) =>
            r.shape ? (
              <tr key={r.key} className="bg-slate-50/70">
                <td colSpan={4} className={`${indent[Math.min(r.depth, indent.length - 1)]} py-1.5 pr-3 text-xs font-medium text-slate-700`}>
                  {r.parent ? <span className="font-mono text-slate-500">{r.parent}</span> : null}
                  {r.name}
                  {r.description ? (
                    <span className="font-normal text-slate-600">
                      {" — "}
                      <DocText text={r.description} />
                    </span>
                  ) : null}
                </td>
              </tr>
            ) : (
              <tr key={r.key}>
                <td className={`${indent[Math.min(r.depth, indent.length - 1)]} py-1.5 pr-3 font-mono whitespace-nowrap`}>
                  {r.parent ? <span className="text-slate-500">{r.parent}</span> : null}
                  <span className="font-semibold text-slate-900">{r.name}</span>
                </td>
                <td className="px-3 py-1.5 text-slate-700">
                  <TypeText parts={r.type} typeHref={typeHref} />
                  {r.values ? <Values values={r.values} /> : null}
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">{r.required ? <span className="text-xs font-medium text-slate-800">{requiredLabel.toLowerCase()}</span> : <span className="text-xs text-slate-500">optional</span>}</td>
                <td className="px-3 py-1.5 text-slate-600">
                  <DocText text={[r.description, ...r.notes].filter(Boolean).join(" · ")} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function TypeText({ parts, typeHref }: { parts: TypePart[]; typeHref: (name: string) => string }) {
  return (
    <span className="font-mono text-xs">
      {parts.map((p, i) =>
        "ref" in p ? (
          <a key={i} href={typeHref(p.ref)} className="font-semibold text-brand-700 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-700">
            {p.ref}
          </a>
        ) : (
          <Fragment key={i}>{p.text}</Fragment>
        ),
      )}
    </span>
  );
}

function Values({ values }: { values: string[] }) {
  const shown = values.slice(0, 24);
  return (
    <span className="mt-1 flex max-w-xs flex-wrap gap-1">
      {shown.map((v) => (
        <code key={v} className="rounded bg-slate-100 px-1 py-px text-[11px] text-slate-800">
          {v}
        </code>
      ))}
      {values.length > shown.length ? <span className="text-[11px] text-slate-500">+{values.length - shown.length} more</span> : null}
    </span>
  );
}

/** Text of the document, with its `code` spans shown as code. */
export function DocText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 text-[0.92em] text-slate-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
