// npm start — like demo, without loading demo data.
import { launch } from "./lib/launch";

await launch({ mode: "start", seed: false, build: true });
