import {spawnSync} from "node:child_process";
import {chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import pg from "pg";
import {freePort} from "./free-port.js";

/**
 * A throwaway PostgreSQL cluster for the SQL tests: initdb in a temporary
 * folder, a server on a free loopback port (no socket outside the folder, no
 * fsync), stopped and removed by `stop()`. Run as the `postgres` user when the
 * tests run as root (PostgreSQL refuses to run as root), as the current user
 * otherwise.
 */
export interface PostgresCluster {
  port: number;
  client: pg.Client;
  /** Writes a file the server can read (for COPY … FROM a file). */
  serverFile: (name: string, text: string) => string;
  stop: () => Promise<void>;
}

/** The folder of PostgreSQL's server binaries (PG_BIN, else the newest Debian one), or null when there is none. */
export function postgresBin(): string | null {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : debianBins();
  return candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) ?? null;
}

function debianBins(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, "bin"));
}

/** uid and gid of the postgres user, from /etc/passwd (null when absent). */
function postgresUser(): {uid: number; gid: number} | null {
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("postgres:"));
  if (line === undefined) return null;
  const [, , uid, gid] = line.split(":");
  return {uid: Number(uid), gid: Number(gid)};
}

export async function startPostgres(bin: string): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), "monitor-pg-"));
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : null;
  if (asRoot && user === null) throw new Error("running as root, and there is no postgres user to run PostgreSQL as");
  // The server's user owns its folder; the files COPY reads are written here too.
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o755);
  const run = (cmd: string, args: string[]) => {
    const result = spawnSync(join(bin, cmd), args, {cwd: dir, encoding: "utf8", ...(user ? {uid: user.uid, gid: user.gid} : {}), env: {...process.env, LC_ALL: "C"}});
    if (result.status !== 0) throw new Error(`${cmd} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`, "start"]);
  const stopServer = () => {
    run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    rmSync(dir, {recursive: true, force: true});
  };
  const client = new pg.Client({host: "127.0.0.1", port, user: "postgres", database: "postgres"});
  try {
    await client.connect();
  } catch (error) {
    stopServer();
    throw error;
  }
  return {
    port,
    client,
    serverFile(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text, {mode: 0o644});
      return path;
    },
    async stop() {
      await client.end();
      stopServer();
    },
  };
}
