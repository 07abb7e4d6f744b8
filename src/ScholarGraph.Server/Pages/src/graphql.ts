// The pages' one way to the server: POST /graphql on this origin with a trusted document's id and variables, never query text,
// so the pages run where the server accepts trusted documents only (TrustedDocuments:Mode=TrustedOnly).
import { documentIds } from 'virtual:trusted-documents';

export type OperationName = keyof typeof documentIds;

export class GraphQLRequestError extends Error {}

export async function execute<TData>(operation: OperationName, variables: Record<string, unknown> = {}): Promise<TData> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ documentId: documentIds[operation], operationName: operation, variables }),
  });
  const body = (await response.json().catch(() => null)) as { data?: TData; errors?: { message: string }[] } | null;
  if (body?.errors?.length) throw new GraphQLRequestError(body.errors.map((error) => error.message).join('; '));
  if (!response.ok || !body?.data) throw new GraphQLRequestError(`The server answered ${response.status}.`);
  return body.data;
}

/** The global id of an author: an id that already decodes to `Author:…` is kept, a plain key (`devvrit-khatri`) is encoded. */
export function authorGlobalId(idOrKey: string): string {
  try {
    if (atob(idOrKey).startsWith('Author:')) return idOrKey;
  } catch {
    // not base64: a plain key
  }
  return btoa(String.fromCharCode(...new TextEncoder().encode('Author:' + idOrKey)));
}

/** Escapes text for HTML. */
export function html(text: string | number | null | undefined): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
