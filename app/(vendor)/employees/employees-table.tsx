"use client";
// The employee list: search, status tabs, role filter and sorting live in the URL (the server
// pages and sorts); row actions change role or (de)activate through server actions.
import { createColumnHelper, getCoreRowModel, useReactTable, type SortingState } from "@tanstack/react-table";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect, useMemo, useRef, useState, useTransition, useCallback } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { DataTable, type ColumnMeta } from "@/components/data-table/data-table";
import { Pagination } from "@/components/data-table/pagination";
import { useSearchParamsState } from "@/components/data-table/use-search-params-state";
import { Dialog } from "@/components/form/dialog";
import { DotsIcon, PlusIcon, SearchIcon, UsersIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { roleLabels } from "@/lib/auth/permissions";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import { Role } from "@/lib/generated/prisma/enums";
import type { EmployeeView } from "@/lib/people/employee-view";
import type { EmployeePage } from "@/lib/people/list-employees";
import { updateEmployeeAction } from "./actions";
import { roleDescriptions, roleTone } from "./roles";

export type EmployeeQuery = {
  q: string;
  role: Role | "";
  status: "active" | "inactive" | "all";
  sort: "name" | "email" | "role" | "createdAt" | "lastLoginAt";
  dir: "asc" | "desc";
  page: number;
};

type Props = {
  data: EmployeePage;
  query: EmployeeQuery;
  canWrite: boolean;
  canManageAdmins: boolean;
  currentUserId: string;
};

const statusTabs = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
  { value: "all", label: "All" },
] as const;

const col = createColumnHelper<EmployeeView>();

export function EmployeesTable({ data, query, canWrite, canManageAdmins, currentUserId }: Props) {
  const { update, pending } = useSearchParamsState();
  const [search, setSearch] = useState(query.q);
  const [dialog, setDialog] = useState<{ kind: "role" | "deactivate" | "reactivate"; employee: EmployeeView } | null>(null);
  const [notice, setNotice] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  // Debounced search: the URL (and so the server query) follows the box 300 ms after typing stops.
  const lastQ = useRef(query.q);
  useEffect(() => {
    const q = search.trim();
    if (q === lastQ.current) return;
    const t = setTimeout(() => {
      lastQ.current = q;
      update({ q });
    }, 300);
    return () => clearTimeout(t);
  }, [search, update]);

  const sorting: SortingState = [{ id: query.sort, desc: query.dir === "desc" }];

  const columns = useMemo(
    () => [
      col.accessor("name", {
        header: "Name",
        cell: ({ row }) => {
          const e = row.original;
          return (
            <div className="flex min-w-0 items-center gap-3">
              <span aria-hidden className={cn("flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold", e.active ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-500")}>
                {initials(e.name)}
              </span>
              <div className="min-w-0">
                <div className="flex items-center gap-2">
                  <span className={cn("truncate font-medium", e.active ? "text-slate-900" : "text-slate-500")}>{e.name}</span>
                  {e.userId === currentUserId && <Badge tone="neutral">You</Badge>}
                  {!e.active && <Badge tone="danger">Inactive</Badge>}
                </div>
                <div className="truncate text-xs text-slate-500">{e.email}</div>
              </div>
            </div>
          );
        },
        meta: { className: "max-w-[11rem] sm:max-w-none sm:min-w-[16rem]" } satisfies ColumnMeta,
      }),
      col.accessor("role", {
        header: "Role",
        cell: ({ getValue }) => <Badge tone={roleTone[getValue()]}>{roleLabels[getValue()]}</Badge>,
      }),
      col.accessor("title", {
        header: "Title",
        enableSorting: false,
        cell: ({ getValue }) => getValue() ?? <span className="text-slate-500">—</span>,
        meta: { className: "hidden md:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("phone", {
        header: "Phone",
        enableSorting: false,
        cell: ({ getValue }) => (getValue() ? <span className="whitespace-nowrap tabular-nums">{getValue()}</span> : <span className="text-slate-500">—</span>),
        meta: { className: "hidden lg:table-cell" } satisfies ColumnMeta,
      }),
      col.accessor("lastLoginAt", {
        header: "Last login",
        cell: ({ row }) => {
          const e = row.original;
          if (e.lastLoginAt) return <span className="whitespace-nowrap text-slate-600">{formatDateTime(e.lastLoginAt)}</span>;
          if (e.invitePending) return <Badge tone="warning" dot>Invite pending</Badge>;
          return <span className="text-slate-500">Never</span>;
        },
        meta: { className: "hidden sm:table-cell" } satisfies ColumnMeta,
      }),
      ...(canWrite
        ? [
            col.display({
              id: "actions",
              header: () => <span className="sr-only">Actions</span>,
              cell: ({ row }) => (
                <RowMenu
                  employee={row.original}
                  isSelf={row.original.userId === currentUserId}
                  locked={!canManageAdmins && (row.original.role === "OWNER" || row.original.role === "ADMIN")}
                  onPick={(kind) => {
                    setNotice(null);
                    setDialog({ kind, employee: row.original });
                  }}
                />
              ),
              meta: { className: "w-12 text-right" } satisfies ColumnMeta,
            }),
          ]
        : []),
    ],
    [canWrite, canManageAdmins, currentUserId],
  );

  const table = useReactTable({
    data: data.items,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (e) => e.id,
    manualPagination: true,
    manualSorting: true,
    pageCount: data.pageCount,
    enableSortingRemoval: false,
    state: { sorting, pagination: { pageIndex: data.page - 1, pageSize: data.pageSize } },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const s = next[0];
      if (s) update({ sort: s.id, dir: s.desc ? "desc" : "asc" });
    },
  });

  const filtered = !!(query.q || query.role || query.status !== "active");

  return (
    <div className="space-y-4">
      {notice && (
        <Alert tone={notice.tone} actions={<button type="button" className="text-xs font-medium underline" onClick={() => setNotice(null)}>Dismiss</button>}>
          {notice.text}
        </Alert>
      )}
      <Card className="overflow-hidden">
        <div className="flex flex-col gap-3 border-b border-slate-200 p-3 sm:p-4 lg:flex-row lg:items-center lg:justify-between">
          <div role="tablist" aria-label="Status" className="inline-flex w-fit rounded-lg bg-slate-100 p-0.5">
            {statusTabs.map((t) => {
              const selected = query.status === t.value;
              return (
                <button
                  key={t.value}
                  type="button"
                  role="tab"
                  aria-selected={selected}
                  onClick={() => update({ status: t.value === "active" ? null : t.value })}
                  className={cn(
                    "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
                    selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
                  )}
                >
                  {t.label}
                </button>
              );
            })}
          </div>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <div className="relative sm:w-72">
              <label htmlFor="employee-search" className="sr-only">
                Search employees
              </label>
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
              <Input
                id="employee-search"
                type="search"
                placeholder="Search name, email, phone, title"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                className="pl-9"
              />
              {pending && <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2 text-slate-500" label="Loading" />}
            </div>
            <div className="sm:w-44">
              <label htmlFor="employee-role-filter" className="sr-only">
                Filter by role
              </label>
              <Select
                id="employee-role-filter"
                value={query.role}
                onChange={(e) => update({ role: e.target.value || null })}
                options={[{ value: "", label: "All roles" }, ...Object.values(Role).map((r) => ({ value: r, label: roleLabels[r] }))]}
              />
            </div>
          </div>
        </div>
        <div className={cn("transition-opacity", pending && "opacity-60")}>
          <DataTable
            table={table}
            caption="Employees"
            empty={
              filtered ? (
                <EmptyState
                  icon={<SearchIcon />}
                  title="No employees match"
                  description="Try another search, role or status."
                  action={
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setSearch("");
                        lastQ.current = "";
                        update({ q: null, role: null, status: null });
                      }}
                    >
                      Clear filters
                    </Button>
                  }
                />
              ) : (
                <EmptyState
                  icon={<UsersIcon />}
                  title="No employees yet"
                  description="Add the people who take orders, pack goods and keep the books."
                  action={
                    canWrite ? (
                      <Link href="/employees/new" className={buttonClasses()}>
                        <PlusIcon className="size-4" />
                        Add employee
                      </Link>
                    ) : undefined
                  }
                />
              )
            }
          />
        </div>
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} pageCount={data.pageCount} noun="employees" onPage={(p) => update({ page: p > 1 ? p : null }, { resetPage: false })} />
      </Card>

      {dialog?.kind === "role" && (
        <ChangeRoleDialog
          employee={dialog.employee}
          canManageAdmins={canManageAdmins}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setNotice({ tone: "success", text });
          }}
        />
      )}
      {(dialog?.kind === "deactivate" || dialog?.kind === "reactivate") && (
        <ActiveDialog
          employee={dialog.employee}
          activate={dialog.kind === "reactivate"}
          onClose={() => setDialog(null)}
          onDone={(text, tone = "success") => {
            setDialog(null);
            setNotice({ tone, text });
          }}
        />
      )}
    </div>
  );
}

function RowMenu({ employee, isSelf, locked, onPick }: { employee: EmployeeView; isSelf: boolean; locked: boolean; onPick: (k: "role" | "deactivate" | "reactivate") => void }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, closeMenu);
  const disabledReason = isSelf ? "You cannot change your own role or deactivate yourself" : locked ? "Only an owner can change owners and admins" : null;
  const item = "block w-full rounded-md px-3 py-2 text-left text-sm disabled:cursor-not-allowed disabled:opacity-50";
  return (
    <div ref={ref} className="relative inline-block text-left">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`Actions for ${employee.name}`}
        onClick={() => setOpen((o) => !o)}
        className="flex size-8 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <DotsIcon className="size-5" />
      </button>
      {open && (
        <div role="menu" aria-label={`Actions for ${employee.name}`} className="absolute right-0 z-30 mt-1 w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-popover">
          {disabledReason && <p className="px-3 py-2 text-xs text-slate-500">{disabledReason}</p>}
          <button type="button" role="menuitem" disabled={!!disabledReason || !employee.active} className={cn(item, "text-slate-700 hover:bg-slate-50")} onClick={() => { setOpen(false); onPick("role"); }}>
            Change role
          </button>
          {employee.active ? (
            <button type="button" role="menuitem" disabled={!!disabledReason} className={cn(item, "text-danger-700 hover:bg-danger-50")} onClick={() => { setOpen(false); onPick("deactivate"); }}>
              Deactivate
            </button>
          ) : (
            <button type="button" role="menuitem" disabled={!!disabledReason} className={cn(item, "text-slate-700 hover:bg-slate-50")} onClick={() => { setOpen(false); onPick("reactivate"); }}>
              Reactivate
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ChangeRoleDialog({ employee, canManageAdmins, onClose, onDone }: { employee: EmployeeView; canManageAdmins: boolean; onClose: () => void; onDone: (text: string) => void }) {
  const [role, setRole] = useState<Role>(employee.role);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      setError(null);
      const res = await updateEmployeeAction(employee.id, { role });
      if (res.ok) onDone(`${employee.name} is now ${roleLabels[res.data.role]}.`);
      else setError(res.fieldErrors?.role?.[0] ?? res.error);
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title="Change role"
      description={
        <>
          {employee.name} · {employee.email}
        </>
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={save} loading={pending} disabled={role === employee.role}>
            Save role
          </Button>
        </>
      }
    >
      <Field id="change-role" label="Role" hint={roleDescriptions[role]} error={error ?? undefined}>
        <Select
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          options={Object.values(Role).map((r) => ({ value: r, label: roleLabels[r], disabled: !canManageAdmins && (r === "OWNER" || r === "ADMIN") }))}
        />
      </Field>
    </Dialog>
  );
}

function ActiveDialog({ employee, activate, onClose, onDone }: { employee: EmployeeView; activate: boolean; onClose: () => void; onDone: (text: string, tone?: "success" | "danger") => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const res = await updateEmployeeAction(employee.id, { active: activate });
      if (res.ok) onDone(activate ? `${employee.name} is active again.` : `${employee.name} has been deactivated and can no longer sign in to this company.`);
      else setError(res.error);
    });
  return (
    <Dialog
      open
      onClose={onClose}
      title={activate ? `Reactivate ${employee.name}?` : `Deactivate ${employee.name}?`}
      description={
        activate
          ? `They will be able to sign in to this company again as ${roleLabels[employee.role]}.`
          : "They will no longer be able to sign in to this company. Their past work stays on record, and you can reactivate them later."
      }
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button variant={activate ? "primary" : "danger"} onClick={confirm} loading={pending}>
            {activate ? "Reactivate" : "Deactivate"}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </Dialog>
  );
}

function initials(name: string) {
  const p = name.trim().split(/\s+/);
  return ((p[0]?.[0] ?? "") + (p.length > 1 ? (p[p.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}
