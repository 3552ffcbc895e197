// npm run dev — Next.js dev server with hot reload on the embedded (or DATABASE_URL) database.
import { launch } from "./lib/launch";

await launch({ mode: "dev", seed: true, build: false });
