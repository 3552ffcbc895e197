import { IntentLink as Link } from "@/components/ui/intent-link";
import { buttonClasses } from "@/components/ui/button";
import { BrandMark } from "@/components/shell/brand";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 py-16 text-center">
      <BrandMark className="mb-8" />
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
      <p className="mt-2 max-w-md text-slate-500">
        The page you are looking for does not exist, or you do not have access to it.
      </p>
      <Link href="/" className={buttonClasses({ className: "mt-6" })}>
        Go to your home page
      </Link>
    </main>
  );
}
