// Runs graphql-http's server audit against the GraphQL endpoint given as the first argument
// and prints one JSON array of { status, id, name, reason } on stdout, so the xunit test can assert on it.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = await auditServer({ url });
const report = results.map(({ status, id, name, reason }) => ({ status, id, name, reason: reason ?? null }));
process.stdout.write(JSON.stringify(report));
