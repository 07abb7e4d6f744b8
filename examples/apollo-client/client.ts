// Apollo Client 4 paging a cursor connection: relayStylePagination merges each page that fetchMore brings into one list in
// the cache (edges in order, pageInfo of the whole), so a component reads all pages so far from one query.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { graphql } from './gql/index.js';

/** A page of authors by name; `after` is the previous page's `pageInfo.endCursor`. */
export const AuthorsPageQuery = graphql(`
  query AuthorsPage($first: Int!, $after: String) {
    authors(first: $first, after: $after, order: [{ name: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id name category } }
    }
  }
`);

/**
 * A client for `uri` whose cache pages `Query.authors` Relay-style. The key arguments are the ones that choose the list
 * (`where`, `order`): pages of the same filter and order are merged, whatever their `first` and `after`.
 */
export function createClient(uri: string): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { authors: relayStylePagination(['where', 'order']) } },
      },
    }),
  });
}

/**
 * Every author's name, read page by page of `pageSize`: the first page through a watched query, each next one with its
 * fetchMore from the last page's end cursor; the merged list is then read back from the cache with the first page's variables.
 */
export async function allAuthorNames(client: ApolloClient, pageSize: number): Promise<{ names: string[]; pages: number }> {
  const query = client.watchQuery({ query: AuthorsPageQuery, variables: { first: pageSize } });
  // Watching keeps the query active, so the cache's merged result reaches it after each fetchMore.
  const watching = query.subscribe(() => {});
  try {
    let page = (await query.refetch()).data?.authors;
    let pages = 1;
    while (page?.pageInfo.hasNextPage) {
      page = (await query.fetchMore({ variables: { after: page.pageInfo.endCursor } })).data?.authors;
      pages++;
    }
    // The cache now holds every page merged under the one field; the watched result catches up a moment later.
    const merged = client.readQuery({ query: AuthorsPageQuery, variables: { first: pageSize } });
    return { names: (merged?.authors?.edges ?? []).map((edge) => edge.node.name), pages };
  } finally {
    watching.unsubscribe();
  }
}
