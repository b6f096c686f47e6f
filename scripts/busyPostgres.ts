/**
 * Keeps a PostgreSQL cluster busy on a database of its own, as other work does on a
 * developer's machine, so that the test suite can be run against a busy cluster (issue 21):
 *
 *   node --import tsx scripts/busyPostgres.ts [seconds=900] [url]
 *
 * Four sessions insert, update and delete rows in a loop (which keeps autovacuum working)
 * and read them back. Bounded in time; drops its database at the end. Loopback only.
 */
import { dropTestDatabase, withAdmin } from "@it-atlas/db/testing";
import pg from "pg";

const seconds = Number(process.argv[2] ?? 900);
const adminUrl = process.argv[3] ?? "postgres://atlas:atlas@127.0.0.1:5432/postgres";
const database = `atlas_busy_${process.pid}`;

function urlOf(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE ${database}`);
{
  const setup = new pg.Client({ connectionString: urlOf(database) });
  await setup.connect();
  await setup.query("CREATE TABLE busy (id bigserial PRIMARY KEY, worker int, payload text)");
  await setup.end();
}
const until = Date.now() + seconds * 1000;
let statements = 0;

async function worker(index: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    while (Date.now() < until) {
      await client.query(
        "INSERT INTO busy (worker, payload) SELECT $1, md5(random()::text) FROM generate_series(1, 2000)",
        [index],
      );
      await client.query("UPDATE busy SET payload = md5(payload) WHERE worker = $1", [index]);
      await client.query("SELECT count(*), max(payload) FROM busy");
      await client.query("DELETE FROM busy WHERE worker = $1 AND id % 3 = 0", [index]);
      statements += 4;
    }
  } finally {
    await client.end();
  }
}

const timer = setInterval(() => {
  process.stdout.write(`[busy] ${database}: ${statements} Anweisungen\n`);
}, 30_000);
try {
  await Promise.all([0, 1, 2, 3].map(worker));
} finally {
  clearInterval(timer);
  // A plain DROP first: autovacuum is busy on this database, and DROP … WITH (FORCE) may not
  // end an autovacuum worker for a role that is no superuser (the failure of issue 21).
  await withAdmin(adminUrl, (client) => dropTestDatabase(client, database));
}
process.stdout.write(`[busy] fertig: ${statements} Anweisungen in ${seconds} s\n`);
