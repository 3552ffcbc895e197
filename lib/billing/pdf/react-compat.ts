// react-pdf renders JSX with its own React reconciler, which reads the client internals of the
// `react` package. Processes started with `--conditions=react-server` (the job worker, the seed,
// the benchmarks: so that `import "server-only"` passes) resolve `react` to its server build, which
// has no client internals, and react-pdf fails with "Cannot read properties of undefined (reading
// 'S')". There, the client build's internals object is lent to the server build before the first
// render. The PDF components use no hooks or context, so nothing else of the client build is needed;
// in a normal process (tests) and in Next.js route handlers this does nothing.
import { createRequire } from "node:module";
import path from "node:path";
import React from "react";

const KEY = "__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE";

let checked = false;

export function ensureReactPdfCompat() {
  if (checked) return;
  checked = true;
  // In Next.js @react-pdf/renderer is a server external package (next.config.ts), loaded by Node with
  // the client build of React, and this file's own `react` import is the bundler's: nothing to do.
  if (process.env.NEXT_RUNTIME) return;
  const server = React as unknown as Record<string, unknown>;
  if (server[KEY]) return;
  try {
    const require = createRequire(import.meta.url);
    const reactDir = path.dirname(require.resolve("react/package.json"));
    // The package's main file by path: the "exports" map would hand back the server build again.
    const client = require(/* turbopackIgnore: true */ /* webpackIgnore: true */ path.join(reactDir, "index.js")) as Record<string, unknown>;
    server[KEY] = client[KEY];
  } catch {
    // Inside a bundle (Next.js, also its in-process job workers) paths are the bundler's and this
    // cannot load; there react-pdf is external and already runs on the client build.
  }
}
