/**
 * `npm run dev`: API server with restart on change (port 3000) and the Vite dev server with
 * hot reload (port 5173, proxies /api to the API). Ctrl+C stops both.
 */
import { spawn, type ChildProcess } from "node:child_process";

const ROOT = new URL("..", import.meta.url).pathname;
const children: ChildProcess[] = [
  spawn(process.execPath, ["--import", "tsx", "--watch", "packages/server/src/main.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PORT: process.env.PORT ?? "3000" },
  }),
  spawn("npx", ["vite", "--host", "127.0.0.1"], { cwd: `${ROOT}packages/web`, stdio: "inherit" }),
];

function stopAll(): void {
  for (const child of children) child.kill("SIGTERM");
}
process.once("SIGINT", stopAll);
process.once("SIGTERM", stopAll);
for (const child of children) child.once("exit", stopAll);
