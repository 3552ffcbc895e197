// Runs in the browser before the app's own code. zod compiles object parsers with `new Function`
// unless told not to, and probes for it with a caught `new Function("")`: under the Content-Security-
// Policy (no 'unsafe-eval') that probe is refused and reported as a violation on every page with a form.
// Without eval, zod parses the same way, only without the compiled fast path.
import { config } from "zod/v4/core";

config({ jitless: true });
