"use client";
// next/link that prefetches on intent (pointer over it, or keyboard focus) instead of when it scrolls into
// view. A list of 50 rows used to fire 50 background page requests per view; now a page is fetched ahead
// only for the row a person reaches for, and the click still feels instant.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export function IntentLink({ href, prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const url = typeof href === "string" ? href : null;
  const warm = () => {
    if (prefetch !== false && url && url.startsWith("/") && !url.startsWith("/api/")) router.prefetch(url);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(e) => {
        warm();
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        warm();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        warm();
        onTouchStart?.(e);
      }}
    />
  );
}
