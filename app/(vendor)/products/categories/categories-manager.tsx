"use client";
// The category tree with counts; add, rename, move and delete through dialogs. Errors from the
// server (a name already used, a move into its own branch, a category that still has products)
// are shown in the dialog, next to the field they concern.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, useCallback } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { Dialog } from "@/components/form/dialog";
import { DotsIcon, PlusIcon, TagIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { createCategoryAction, deleteCategoryAction, updateCategoryAction } from "../actions";

export type CategoryRow = { id: string; name: string; parentId: string | null; depth: number; ownProductCount: number; productCount: number; hasChildren: boolean };

type DialogState = { kind: "add"; parent: CategoryRow | null } | { kind: "rename"; row: CategoryRow } | { kind: "move"; row: CategoryRow } | { kind: "delete"; row: CategoryRow } | null;

export function CategoriesManager({ rows, uncategorised, canWrite }: { rows: CategoryRow[]; uncategorised: number; canWrite: boolean }) {
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => {
    setDialog(null);
    setNotice(text);
  };
  return (
    <div className="space-y-4">
      {notice && (
        <Alert tone="success" actions={<button type="button" className="text-xs font-medium underline" onClick={() => setNotice(null)}>Dismiss</button>}>
          {notice}
        </Alert>
      )}
      <Card className="overflow-hidden">
        <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3">
          <p className="text-sm text-slate-600">
            {rows.length === 0 ? "No categories yet" : `${rows.length} categor${rows.length === 1 ? "y" : "ies"}`}
            {uncategorised > 0 && (
              <>
                {" · "}
                <Link href="/products?category=none" className="text-brand-700 hover:underline">
                  {uncategorised} uncategorised product{uncategorised === 1 ? "" : "s"}
                </Link>
              </>
            )}
          </p>
          {canWrite && (
            <Button size="sm" onClick={() => setDialog({ kind: "add", parent: null })}>
              <PlusIcon className="size-4" />
              Add category
            </Button>
          )}
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={<TagIcon />} title="No categories yet" description="Start with departments like “Grocery” or “Personal care”, then add aisles under them." />
        ) : (
          <ul role="tree" aria-label="Categories" className="divide-y divide-slate-100">
            {rows.map((r) => (
              <li key={r.id} role="treeitem" aria-level={r.depth + 1} aria-selected={false} className="flex items-center gap-3 py-2.5 pr-3 hover:bg-slate-50/70" style={{ paddingLeft: `${1 + r.depth * 1.5}rem` }}>
                <span aria-hidden className={cn("size-1.5 shrink-0 rounded-full", r.depth === 0 ? "bg-brand-500" : "bg-slate-300")} />
                <div className="min-w-0 flex-1">
                  <Link href={`/products?category=${r.id}`} className={cn("hover:text-brand-700 hover:underline [overflow-wrap:anywhere]", r.depth === 0 ? "font-semibold text-slate-900" : "font-medium text-slate-800")}>
                    {r.name}
                  </Link>
                </div>
                <span className="shrink-0 text-right text-sm tabular-nums text-slate-600" title={r.hasChildren ? `${r.ownProductCount} directly in ${r.name}` : undefined}>
                  {r.productCount} product{r.productCount === 1 ? "" : "s"}
                  {r.hasChildren && r.ownProductCount > 0 && <span className="block text-xs text-slate-500">{r.ownProductCount} directly</span>}
                </span>
                {canWrite && <RowMenu row={r} onPick={(kind) => { setNotice(null); setDialog(kind === "add" ? { kind, parent: r } : { kind, row: r }); }} />}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {dialog?.kind === "add" && <NameDialog title={dialog.parent ? `Add a sub-category to ${dialog.parent.name}` : "Add category"} submitLabel="Add category" onClose={() => setDialog(null)} onSubmit={(name) => createCategoryAction({ name, parentId: dialog.parent?.id ?? null })} onDone={(name) => done(`Added “${name}”.`)} />}
      {dialog?.kind === "rename" && <NameDialog title={`Rename ${dialog.row.name}`} initial={dialog.row.name} submitLabel="Rename" onClose={() => setDialog(null)} onSubmit={(name) => updateCategoryAction(dialog.row.id, { name })} onDone={(name) => done(`Renamed to “${name}”.`)} />}
      {dialog?.kind === "move" && <MoveDialog row={dialog.row} rows={rows} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === "delete" && <DeleteDialog row={dialog.row} onClose={() => setDialog(null)} onDone={done} />}
    </div>
  );
}

function RowMenu({ row, onPick }: { row: CategoryRow; onPick: (k: "add" | "rename" | "move" | "delete") => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, closeMenu);
  const item = "block w-full rounded-md px-3 py-2 text-left text-sm";
  const pick = (k: "add" | "rename" | "move" | "delete") => {
    setOpen(false);
    onPick(k);
  };
  return (
    <div ref={ref} className="relative shrink-0">
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-label={`Actions for ${row.name}`} onClick={() => setOpen((o) => !o)} className="flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800">
        <DotsIcon className="size-5" />
      </button>
      {open && (
        <div role="menu" aria-label={`Actions for ${row.name}`} className="absolute right-0 z-30 mt-1 w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-popover">
          <button type="button" role="menuitem" className={cn(item, "text-slate-700 hover:bg-slate-50")} onClick={() => pick("add")}>
            Add sub-category
          </button>
          <button type="button" role="menuitem" className={cn(item, "text-slate-700 hover:bg-slate-50")} onClick={() => pick("rename")}>
            Rename
          </button>
          <button type="button" role="menuitem" className={cn(item, "text-slate-700 hover:bg-slate-50")} onClick={() => pick("move")}>
            Move
          </button>
          <button type="button" role="menuitem" className={cn(item, "text-danger-700 hover:bg-danger-50")} onClick={() => pick("delete")}>
            Delete
          </button>
        </div>
      )}
    </div>
  );
}

type Result = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

function NameDialog({ title, initial = "", submitLabel, onClose, onSubmit, onDone }: { title: string; initial?: string; submitLabel: string; onClose: () => void; onSubmit: (name: string) => Promise<Result>; onDone: (name: string) => void }) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const save = () =>
    start(async () => {
      setError(null);
      const res = await onSubmit(name);
      if (res.ok) {
        router.refresh();
        onDone(name.trim());
      } else setError(res.fieldErrors?.name?.[0] ?? res.fieldErrors?.parentId?.[0] ?? res.error);
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" form="category-name-form" loading={pending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        id="category-name-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field id="category-name" label="Name" required error={error ?? undefined}>
          <Input autoFocus autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Pulses" />
        </Field>
      </form>
    </Dialog>
  );
}

function MoveDialog({ row, rows, onClose, onDone }: { row: CategoryRow; rows: CategoryRow[]; onClose: () => void; onDone: (text: string) => void }) {
  // A category cannot go under itself or anything in its own branch: the rows after it that are deeper.
  const start = rows.findIndex((r) => r.id === row.id);
  let end = start + 1;
  while (end < rows.length && rows[end].depth > row.depth) end++;
  const branch = new Set(rows.slice(start, end).map((r) => r.id));
  const [parentId, setParentId] = useState(row.parentId ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();
  const save = () =>
    startTransition(async () => {
      setError(null);
      const res = await updateCategoryAction(row.id, { parentId: parentId || null });
      if (res.ok) {
        router.refresh();
        const target = rows.find((r) => r.id === parentId);
        onDone(`Moved “${row.name}” ${target ? `under “${target.name}”` : "to the top level"}.`);
      } else setError(res.fieldErrors?.parentId?.[0] ?? res.fieldErrors?.name?.[0] ?? res.error);
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Move ${row.name}`}
      description={row.hasChildren ? "Its sub-categories and products move with it." : "Its products move with it."}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={save} loading={pending} disabled={(parentId || null) === row.parentId}>
            Move
          </Button>
        </>
      }
    >
      <Field id="category-parent" label="Put it under" error={error ?? undefined}>
        <Select value={parentId} onChange={(e) => setParentId(e.target.value)}>
          <option value="">Top level</option>
          {rows.map((r) => (
            <option key={r.id} value={r.id} disabled={branch.has(r.id)}>
              {"\u00a0\u00a0\u00a0".repeat(r.depth)}
              {r.name}
              {branch.has(r.id) && r.id === row.id ? " (this category)" : ""}
            </option>
          ))}
        </Select>
      </Field>
    </Dialog>
  );
}

function DeleteDialog({ row, onClose, onDone }: { row: CategoryRow; onClose: () => void; onDone: (text: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const blocked = row.hasChildren || row.ownProductCount > 0;
  const confirm = () =>
    start(async () => {
      setError(null);
      const res = await deleteCategoryAction(row.id);
      if (res.ok) {
        router.refresh();
        onDone(`Deleted “${row.name}”.`);
      } else setError(res.error);
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Delete ${row.name}?`}
      description={blocked ? undefined : "The category is empty. This cannot be undone."}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {blocked ? "Close" : "Cancel"}
          </Button>
          {!blocked && (
            <Button variant="danger" onClick={confirm} loading={pending}>
              Delete
            </Button>
          )}
        </>
      }
    >
      {blocked ? (
        <Alert tone="warning" title="This category is not empty">
          It still has {[row.ownProductCount ? `${row.ownProductCount} product${row.ownProductCount === 1 ? "" : "s"}` : null, row.hasChildren ? "sub-categories" : null].filter(Boolean).join(" and ")}. Move{" "}
          {row.ownProductCount ? (
            <Link href={`/products?category=${row.id}`} className="font-medium underline">
              its products
            </Link>
          ) : (
            "them"
          )}{" "}
          to another category first.
        </Alert>
      ) : error ? (
        <Alert tone="danger">{error}</Alert>
      ) : null}
    </Dialog>
  );
}
