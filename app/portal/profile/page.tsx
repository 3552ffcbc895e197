import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BusinessDetailsList } from "@/components/shell/business-details";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime } from "@/lib/format";
import { LocationPicker } from "@/components/map/location-picker";
import { env, mapTileUrl } from "@/lib/env";
import { getMyShopLocation } from "@/lib/logistics/geo/delivery-location";
import { getMyBusiness } from "@/lib/network/my-vendors";
import { setShopLocationAction } from "./actions";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Business profile" };

export default async function BusinessProfilePage() {
  const actor = await requireRetailer();
  const [business, shop] = await Promise.all([getMyBusiness(makeCtx(actor)), getMyShopLocation(makeCtx(actor))]);
  return (
    <>
      <PageHeader
        title="Business profile"
        description="Your vendors use these details on the invoices they send you."
        actions={
          business.canEdit ? (
            <Link href="/portal/profile/edit" className={buttonClasses({ variant: "secondary" })}>
              Edit details
            </Link>
          ) : undefined
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Business details" description={business.canEdit ? undefined : "Only the owner of the business can change these."} />
          <CardBody>
            <BusinessDetailsList business={business} contact />
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Shop location and receiving hours" description="Where and when your vendors' vans deliver. Drop the pin on your shop's door or godown gate." />
          <CardBody className="py-5">
            <LocationPicker
              idPrefix="shop"
              initial={{ latitude: shop.latitude, longitude: shop.longitude, receivingFrom: shop.receivingFrom, receivingTo: shop.receivingTo }}
              fallback={shop.pincodePosition ? { ...shop.pincodePosition, label: `the centre of PIN ${shop.pincode}` } : null}
              tileUrl={mapTileUrl()}
              attribution={env().MAP_TILE_ATTRIBUTION}
              canEdit={shop.canEdit}
              save={setShopLocationAction}
              hint={shop.canEdit ? "Every vendor you buy from sees it (a vendor can keep its own pin for you)." : "Only the owner of the business can change these."}
            />
          </CardBody>
        </Card>

        <section aria-labelledby="team-heading">
          <h2 id="team-heading" className="mb-3 text-[15px] font-semibold text-slate-900">
            Team members
          </h2>
          <Table>
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Role</Th>
                <Th className="hidden sm:table-cell">Phone</Th>
                <Th className="hidden sm:table-cell">Last login</Th>
                {business.canEdit && (
                  <Th className="text-right">
                    <span className="sr-only">Actions</span>
                  </Th>
                )}
              </tr>
            </THead>
            <TBody>
              {business.users.map((u) => (
                <Tr key={u.email}>
                  <Td>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-slate-900">{u.name}</span>
                      {u.email === actor.email && <Badge>You</Badge>}
                      {!u.active && <Badge tone="danger">Inactive</Badge>}
                    </div>
                    <div className="text-xs text-slate-500">{u.email}</div>
                  </Td>
                  <Td>
                    <Badge tone={u.role === "OWNER" ? "brand" : "neutral"}>{u.role === "OWNER" ? "Owner" : "Staff"}</Badge>
                  </Td>
                  <Td muted className="hidden whitespace-nowrap sm:table-cell">
                    {u.phone ?? "—"}
                  </Td>
                  <Td muted className="hidden whitespace-nowrap sm:table-cell">
                    {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Never"}
                  </Td>
                  {business.canEdit && (
                    <Td className="text-right">
                      {u.active && u.email !== actor.email ? (
                        <RemoveMemberButton memberId={u.id} name={u.name} />
                      ) : null}
                    </Td>
                  )}
                </Tr>
              ))}
            </TBody>
          </Table>
        </section>
      </div>
    </>
  );
}
