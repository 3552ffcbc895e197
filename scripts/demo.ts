// npm run demo — embedded database, migrations, demo data, production build, and the app.
import { launch } from "./lib/launch";

await launch({ mode: "start", seed: true, build: true });
