"use client";
// Keyboard shortcuts for people who work a list all day: "/" goes to the page's search box, "n" starts a
// new record where the page offers one, ↓/↑ (or j/k) move through the rows of the page's list and Enter
// opens the row, "?" shows this help. Nothing fires while typing in a field or with a modifier held.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Dialog } from "@/components/form/dialog";

const SHORTCUTS: [string, string][] = [
  ["/", "Search this list"],
  ["n", "New record (order, product, invoice… where the page has one)"],
  ["↓ or j", "Next row of the list"],
  ["↑ or k", "Previous row"],
  ["Enter", "Open the row"],
  ["?", "Show these shortcuts"],
  ["Esc", "Close a dialog or calendar"],
];

/** The page's search box: a search field, or the text box named q, in the main content. */
function searchBox(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('main input[type="search"], main input[name="q"], main [data-search] input, main input[data-search]');
}

/** The page's "New …" action: a link ending in /new, or an element marked data-shortcut="new". */
function newAction(): HTMLElement | null {
  return document.querySelector<HTMLElement>('main [data-shortcut="new"], main a[href$="/new"]');
}

/** The first link of each row of the page's main table or list. */
function rowLinks(): HTMLAnchorElement[] {
  const rows = document.querySelectorAll<HTMLElement>("main table tbody tr, main [data-row]");
  const out: HTMLAnchorElement[] = [];
  rows.forEach((r) => {
    const a = r.querySelector<HTMLAnchorElement>("a[href]");
    if (a) out.push(a);
  });
  return out;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || !!el.closest("[role=dialog], dialog[open]");
}

export function KeyboardShortcuts() {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (e.key === "?") {
        e.preventDefault();
        setHelp(true);
        return;
      }
      if (e.key === "/") {
        const box = searchBox();
        if (box) {
          e.preventDefault();
          box.focus();
          box.select();
        }
        return;
      }
      if (e.key === "n") {
        const action = newAction();
        if (action) {
          e.preventDefault();
          if (action instanceof HTMLAnchorElement) router.push(action.getAttribute("href")!);
          else action.click();
        }
        return;
      }
      const down = e.key === "ArrowDown" || e.key === "j";
      const up = e.key === "ArrowUp" || e.key === "k";
      if (down || up) {
        const links = rowLinks();
        if (links.length === 0) return;
        const at = links.indexOf(document.activeElement as HTMLAnchorElement);
        // Arrows scroll the page until a row has focus; j/k always pick up the list.
        if (at === -1 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
          if (!(document.activeElement === document.body || document.activeElement === null)) return;
        }
        e.preventDefault();
        const next = at === -1 ? (down ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + (down ? 1 : -1)));
        links[next]!.focus();
        links[next]!.closest("tr, [data-row]")?.scrollIntoView({ block: "nearest" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return (
    <Dialog open={help} onClose={() => setHelp(false)} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs text-slate-800">{key}</kbd>
            </dt>
            <dd className="text-slate-700">{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
