#!/usr/bin/env node
// Tiny PostgreSQL admin commands for the Jest harness, as a separate process because Jest's
// setupFiles are synchronous (fresh-database.ts runs this with execFileSync).
//   node pg-admin.mjs create <adminUrl> <name> [template]   prints the new database's URL
//   node pg-admin.mjs drop-prefix <adminUrl> <prefix>       drops every database named <prefix>*
import pg from 'pg';

const [command, adminUrl, name, template] = process.argv.slice(2);
const quote = (identifier) => `"${identifier.replaceAll('"', '""')}"`;

const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
try {
  if (command === 'create') {
    const sql = `CREATE DATABASE ${quote(name)}${template ? ` TEMPLATE ${quote(template)}` : ''}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(sql);
        break;
      } catch (error) {
        // 55006: the template is briefly in use (another CREATE ... TEMPLATE started at the same moment).
        if (error.code !== '55006' || attempt === 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    console.log(url.href);
  } else if (command === 'drop-prefix') {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [name]);
    // FORCE (PostgreSQL 13+) ends connections a crashed test worker may have left behind.
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(row.datname)} WITH (FORCE)`);
  } else {
    throw new Error(`unknown command ${command}`);
  }
} finally {
  await client.end();
}
