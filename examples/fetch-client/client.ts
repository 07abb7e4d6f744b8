// A small typed client for ScholarGraph over GraphQL over HTTP with nothing but fetch: each operation is written once in a
// graphql(`...`) call, and GraphQL Code Generator (npm run codegen) gives it the types of its variables and of its result.
import { graphql } from './gql/index.js';
import type { TypedDocumentString } from './gql/graphql.js';

/** The author card and first papers of an author, as the profile page prints them. */
export const AuthorProfileQuery = graphql(`
  query AuthorProfile($id: ID!, $papers: Int!) {
    author(id: $id) {
      name
      category
      reportedMetrics { source hIndex citationCount }
      papers(first: $papers) {
        totalCount
        nodes {
          title
          publicationDate
          dateYearInferred
          authorListTruncated
          authors { position author { name } }
        }
      }
    }
  }
`);

/** An author's strongest coauthors, with the papers they share. */
export const StrongestCoauthorsQuery = graphql(`
  query StrongestCoauthors($id: ID!, $first: Int!) {
    author(id: $id) {
      coauthors(first: $first) {
        totalCount
        edges { sharedPaperCount node { name } }
      }
    }
  }
`);

/** A GraphQL error as the server sends it, with its stable code. */
export interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorEntry[]) {
    super(errors.map((error) => `${error.message} (${error.extensions?.code ?? 'no code'})`).join('; '));
  }
}

/**
 * Runs `document` with `variables` at `endpoint` and returns its data, typed by the document; throws the server's errors.
 * Variables are in the request body, never spliced into the text, so the server parses and validates each document once.
 */
export async function execute<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: TResult | null; errors?: GraphQLErrorEntry[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`The server answered ${response.status} without data.`);
  return body.data;
}

/** An author's global id from its key (`devvrit-khatri`): base64 of `Author:<key>`. */
export function authorId(key: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(`Author:${key}`)));
}
