// Runs one GraphQL operation through a real npm client and prints each result as one JSON line on stdout, then
// "complete" when the client's sink completes, so the xunit tests can assert on what the client saw.
//   node clients.mjs ws  <ws url>   <count> <query> [variables json]   (graphql-ws: graphql-transport-ws)
//   node clients.mjs sse <http url> <count> <query> [variables json]   (graphql-sse: distinct connections mode)
// It stops after <count> results (0: wait for the server to complete) and exits 1 on an error from the client.
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

const [protocol, url, countText, query, variablesText] = process.argv.slice(2);
if (!protocol || !url || !countText || !query) {
  console.error('usage: node clients.mjs ws|sse <url> <count> <query> [variables json]');
  process.exit(2);
}
const count = Number(countText);
const variables = variablesText ? JSON.parse(variablesText) : undefined;

const client = protocol === 'ws'
  ? createWsClient({ url, webSocketImpl: WebSocket, connectionParams: { client: 'graphql-ws' }, retryAttempts: 0 })
  : createSseClient({ url, retryAttempts: 0 });

let received = 0;
await new Promise((resolve, reject) => {
  const unsubscribe = client.subscribe({ query, variables }, {
    next: (result) => {
      process.stdout.write(JSON.stringify(result) + '\n');
      received += 1;
      if (count > 0 && received >= count) {
        unsubscribe();
        resolve();
      }
    },
    error: (error) => reject(error instanceof Error ? error : new Error(error?.code ? `closed ${error.code}: ${error.reason}` : JSON.stringify(error))),
    complete: () => {
      process.stdout.write('complete\n');
      resolve();
    },
  });
}).catch((error) => {
  console.error(String(error?.stack ?? error));
  process.exitCode = 1;
});
await client.dispose();
process.exit(process.exitCode ?? 0);
