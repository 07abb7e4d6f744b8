// node build/fetch-client/main.js [endpoint] [author key]: prints an author's card, first papers and strongest coauthors.
import { AuthorProfileQuery, StrongestCoauthorsQuery, authorId, execute } from './client.js';

const endpoint = process.argv[2] ?? 'http://localhost:5000/graphql';
const id = authorId(process.argv[3] ?? 'devvrit-khatri');

const { author } = await execute(endpoint, AuthorProfileQuery, { id, papers: 3 });
if (!author) {
  console.log('No author has that id.');
  process.exit(1);
}
const metrics = author.reportedMetrics[0];
console.log(`${author.name} (${author.category ?? 'no category'}): h-index ${metrics?.hIndex ?? '?'}, ${author.papers?.totalCount ?? 0} papers`);
for (const paper of author.papers?.nodes ?? []) {
  const names = paper.authors.map((authorship) => authorship.author.name).join(', ');
  const date = paper.dateYearInferred ? `${paper.publicationDate} (year inferred)` : (paper.publicationDate ?? 'undated');
  console.log(`- ${paper.title} [${date}]: ${names}${paper.authorListTruncated ? ' et al.' : ''}`);
}

const coauthors = (await execute(endpoint, StrongestCoauthorsQuery, { id, first: 3 })).author?.coauthors;
for (const edge of coauthors?.edges ?? []) console.log(`coauthor: ${edge.node.name}, ${edge.sharedPaperCount} shared papers`);
