// node build/apollo-client/main.js [endpoint] [page size]: lists every author, paging with fetchMore.
import { allAuthorNames, createClient } from './client.js';

const endpoint = process.argv[2] ?? 'http://localhost:5000/graphql';
const pageSize = Number(process.argv[3] ?? '5');

const client = createClient(endpoint);
const { names, pages } = await allAuthorNames(client, pageSize);
console.log(`${names.length} authors in ${pages} pages of ${pageSize}:`);
for (const name of names) console.log(`- ${name}`);
client.stop();
