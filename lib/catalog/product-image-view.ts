export type ProductImageView = { id: string; productId: string; contentType: string; position: number; url: string; createdAt: string };

/** Image bytes never change under an id (a new upload is a new id), so the URL can be cached forever. */
export function toProductImageView(i: { id: string; productId: string; contentType: string; position: number; createdAt: Date }): ProductImageView {
  return { id: i.id, productId: i.productId, contentType: i.contentType, position: i.position, url: `/api/v1/products/${i.productId}/images/${i.id}`, createdAt: i.createdAt.toISOString() };
}
