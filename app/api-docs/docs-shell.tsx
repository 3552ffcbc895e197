// The frame of the API reference pages: the sections (tags) on the left, the page on the right.
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { apiReference } from "./reference";

export function DocsShell({ current, children }: { current?: string; children: ReactNode }) {
  const { tags } = apiReference();
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-8">
      <nav aria-label="API reference sections" className="mb-8 lg:sticky lg:top-6 lg:mb-0 lg:max-h-[calc(100dvh-3rem)] lg:self-start lg:overflow-y-auto">
        <Link prefetch={false} href="/api-docs" aria-current={current === undefined ? "page" : undefined} className={cn("block rounded-md px-2 py-1 text-sm font-semibold", current === undefined ? "bg-brand-50 text-brand-800" : "text-slate-900 hover:bg-slate-100")}>
          API reference
        </Link>
        <p className="mt-4 px-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Sections</p>
        <ul className="mt-1 flex flex-wrap gap-1 lg:block lg:space-y-px">
          {tags.map((t) => (
            <li key={t.slug}>
              <Link
                prefetch={false}
                href={`/api-docs/${t.slug}`}
                aria-current={current === t.slug ? "page" : undefined}
                className={cn("flex items-center justify-between gap-2 rounded-md px-2 py-1 text-sm", current === t.slug ? "bg-brand-50 font-medium text-brand-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900")}
              >
                <span>{t.name}</span>
                <span className="text-xs text-slate-500 tabular-nums">{t.operations.length}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="mt-4 px-2 text-xs text-slate-600">
          <a className="underline" href="/api/v1/openapi.json">
            openapi.json
          </a>{" "}
          — the same, for client generators
        </p>
      </nav>
      <main className="min-w-0">{children}</main>
    </div>
  );
}
