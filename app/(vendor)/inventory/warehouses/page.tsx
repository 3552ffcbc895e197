import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { PlusIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatINR } from "@/lib/format";
import { listWarehouses } from "@/lib/inventory/warehouses";
import { one, type SearchParams } from "@/lib/search-params";
import { Section } from "../_components/section";
import { WarehouseActions } from "./warehouse-actions";

export const metadata: Metadata = { title: "Warehouses" };

export default async function WarehousesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireStaff();
  const sp = await searchParams;
  const { items } = await listWarehouses(makeCtx(actor), { status: "all" });
  const canWrite = can(actor, "inventory.write");
  const saved = one(sp.saved);
  return (
    <>
      <Section
        title="Warehouses"
        description="Godowns and depots that hold your stock. The default one is used for new orders and receipts."
        actions={
          canWrite && (
            <Link href="/inventory/warehouses/new" className={buttonClasses()}>
              <PlusIcon className="size-4" />
              Add warehouse
            </Link>
          )
        }
      />
      {saved && (
        <Alert tone="success" className="mb-4">
          Warehouse {saved} saved.
        </Alert>
      )}
      {items.length === 0 ? (
        <EmptyState bordered title="No warehouses yet" description="Add the godown you ship from; stock is kept per warehouse." action={canWrite ? <Link href="/inventory/warehouses/new" className={buttonClasses()}>Add warehouse</Link> : undefined} />
      ) : (
        <Table aria-label="Warehouses">
          <THead>
            <tr>
              <Th>Warehouse</Th>
              <Th className="hidden md:table-cell">Address</Th>
              <Th numeric className="hidden sm:table-cell">Products in stock</Th>
              <Th numeric>Stock value</Th>
              {canWrite && <Th className="text-right">Actions</Th>}
            </tr>
          </THead>
          <TBody>
            {items.map((w) => (
              <Tr key={w.id}>
                <Td>
                  <div className="flex min-w-52 flex-wrap items-center gap-2">
                    {canWrite ? (
                      <Link href={`/inventory/warehouses/${w.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                        {w.name}
                      </Link>
                    ) : (
                      <span className="font-medium text-slate-900">{w.name}</span>
                    )}
                    {w.isDefault && <Badge tone="brand">Default</Badge>}
                    {!w.active && <Badge>Inactive</Badge>}
                  </div>
                  <p className="font-mono text-xs text-slate-500">{w.code}</p>
                </Td>
                <Td muted className="hidden text-[13px] md:table-cell">
                  {[w.addressLine1, w.city, w.pincode].filter(Boolean).join(", ") || "—"}
                  <p className="text-xs">{w.stateName}</p>
                </Td>
                <Td numeric className="hidden sm:table-cell">
                  <Link href={`/inventory?warehouseId=${w.id}`} className="hover:underline">
                    {w.productsInStock}
                  </Link>
                </Td>
                <Td numeric>{formatINR(w.stockValue)}</Td>
                {canWrite && (
                  <Td className="text-right">
                    <WarehouseActions id={w.id} code={w.code} active={w.active} isDefault={w.isDefault} />
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
