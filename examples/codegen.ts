// GraphQL Code Generator's client preset turns the operations written in each example's sources (the graphql(`...`) calls)
// into TypeScript types, checked against the approved schema. SCHOLARGRAPH_SCHEMA points it at another schema file (the tests
// use a copy with a field taken away, to see the check fail).
import type { CodegenConfig } from '@graphql-codegen/cli';

const schema = process.env.SCHOLARGRAPH_SCHEMA ?? '../schema/schema.graphql';

const config: CodegenConfig = {
  schema,
  ignoreNoDocuments: false,
  // Imports with .js, as Node's ES modules (and tsconfig's nodenext) need.
  emitLegacyCommonJSImports: false,
  generates: {
    // The fetch client sends query text, so its documents are strings that carry their result and variable types.
    'fetch-client/gql/': {
      preset: 'client',
      documents: ['fetch-client/**/*.ts', '!fetch-client/gql/**'],
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
    // Apollo Client takes parsed documents (TypedDocumentNode), which also type its cache reads and fetchMore.
    'apollo-client/gql/': {
      preset: 'client',
      documents: ['apollo-client/**/*.ts', '!apollo-client/gql/**'],
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
