import { bearerToken, startApp } from "./lib/http";
const app = (await startApp({ databaseUrl: process.env.BENCH_DATABASE_URL! }))!;
const token = await bearerToken(app.baseUrl, process.env.EMAIL!, "Bench@12345");
for (const path of process.env.PATHS!.split(",")) {
  for (let round = 0; round < 2; round++) {
    const c0 = app.cpuMs()!; const t0 = performance.now(); const n = Number(process.env.N ?? 30);
    for (let i = 0; i < n; i++) { const r = await fetch(app.baseUrl + path, { headers: { authorization: `Bearer ${token}` } }); if (!r.ok) throw new Error(path + r.status); await r.arrayBuffer(); }
    console.log(path, round, ((performance.now() - t0) / n).toFixed(1), "ms wall", ((app.cpuMs()! - c0) / n).toFixed(1), "ms app CPU");
  }
}
await app.stop();
