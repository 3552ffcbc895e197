// "Export CSV / Excel" for a list: plain links to the list's export route with the list's current
// filters (a GET with the session cookie), so the file is exactly what the list shows.
import { buttonClasses } from "@/components/ui/button";

export function ExportLinks({ path, params, noun }: { path: string; params: Record<string, string | undefined>; noun: string }) {
  const href = (format: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
    p.set("format", format);
    return `${path}?${p.toString()}`;
  };
  return (
    <>
      <a href={href("csv")} download className={buttonClasses({ variant: "secondary" })} aria-label={`Export these ${noun} as CSV`}>
        Export CSV
      </a>
      <a href={href("xlsx")} download className={buttonClasses({ variant: "secondary" })} aria-label={`Export these ${noun} as Excel`}>
        Export Excel
      </a>
    </>
  );
}
