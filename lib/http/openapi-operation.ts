// One operation of the OpenAPI document. Each domain lists its routes in lib/<domain>/<domain>.openapi.ts
// and lib/http/openapi.ts assembles them.
import type { z } from "zod";

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
  response?: { status: number; description: string; schema?: z.ZodType | Record<string, unknown>; list?: boolean };
};
