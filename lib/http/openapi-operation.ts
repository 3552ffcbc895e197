// One operation of the OpenAPI document. Each domain lists its routes in lib/<domain>/<domain>.openapi.ts
// and lib/http/openapi.ts assembles them.
import type { z } from "zod";

/** A JSON Schema (draft 2020-12) written by hand, for answers whose view is a plain TypeScript type. */
export type JsonSchema = Record<string, unknown>;

export type OperationResponse = {
  status: number;
  description: string;
  /**
   * The JSON body: a zod schema (its output side) or a JSON Schema. In a hand-written one every listed
   * property is always present (null when empty) unless the object names its own `required`.
   */
  schema?: z.ZodType | JsonSchema;
  /** The body is a page of `schema`: { data: [...], nextCursor, total } plus the `pageExtra` fields. */
  list?: boolean;
  /** Fields a page carries besides data, nextCursor and total (e.g. counts per status tab). */
  pageExtra?: Record<string, z.ZodType | JsonSchema>;
  /** Media types of a file answer: alone, or besides the JSON one (e.g. with ?format=csv). */
  files?: readonly string[];
  /** Answer headers worth naming, e.g. Content-Disposition of a download. */
  headers?: Record<string, { description: string }>;
};

export type Operation = {
  method: "get" | "post" | "patch" | "put" | "delete";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth?: boolean;
  idempotent?: boolean;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** A body that is not JSON (an image upload): its media types. */
  rawBody?: readonly string[];
  response?: OperationResponse;
  /** Other successful answers of the same operation (e.g. 304 for a cached image, 200 for a replayed create). */
  otherResponses?: OperationResponse[];
};

/** Media types of the files the API serves, named once. */
export const mediaTypes = {
  pdf: "application/pdf",
  zip: "application/zip",
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  images: ["image/png", "image/jpeg", "image/webp"],
} as const;

export const attachmentHeader = { "Content-Disposition": { description: 'inline, or attachment when downloaded, with the file name, e.g. attachment; filename="INV-25-26-000123.pdf"' } };
