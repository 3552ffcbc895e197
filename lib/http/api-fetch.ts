// The browser's way to call /api/v1 with its session cookie. A cookie-authenticated write must carry
// this header (and a same-origin Origin, which browsers add themselves): a foreign page cannot add a
// custom header to a cross-origin request without a CORS preflight, which this app never grants.
export const CSRF_HEADER = "x-requested-with";
export const CSRF_VALUE = "vendor-erp";

export function apiFetch(input: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set(CSRF_HEADER, CSRF_VALUE);
  return fetch(input, { ...init, headers, credentials: "same-origin" });
}
