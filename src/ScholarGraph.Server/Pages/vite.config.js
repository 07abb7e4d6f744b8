// Bundles the server's pages (profile.html, explore.html) into dist/, which the server's build copies to pages/ beside its
// binary. The GraphQL operations in operations/ never reach the browser as text: trustedDocuments() registers each one by the
// SHA-256 of its file's exact bytes in dist/trusted-documents/persisted-documents.json (the manifest the server trusts for its
// own pages) and gives the code only their ids, through the module 'virtual:trusted-documents'.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';

const operationsDirectory = join(import.meta.dirname, 'operations');
const virtualId = 'virtual:trusted-documents';
const resolvedVirtualId = '\0' + virtualId;

function readOperations() {
  return readdirSync(operationsDirectory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(operationsDirectory, file), 'utf8');
      return { name: file.slice(0, -'.graphql'.length), text, hash: createHash('sha256').update(text, 'utf8').digest('hex') };
    });
}

function trustedDocuments() {
  return {
    name: 'scholargraph-trusted-documents',
    resolveId: (id) => (id === virtualId ? resolvedVirtualId : null),
    load(id) {
      if (id !== resolvedVirtualId) return null;
      for (const operation of readOperations()) this.addWatchFile(join(operationsDirectory, operation.name + '.graphql'));
      const ids = Object.fromEntries(readOperations().map((operation) => [operation.name, 'sha256:' + operation.hash]));
      return `export const documentIds = ${JSON.stringify(ids)};`;
    },
    generateBundle() {
      const manifest = Object.fromEntries(readOperations().map((operation) => [operation.hash, operation.text]));
      this.emitFile({ type: 'asset', fileName: 'trusted-documents/persisted-documents.json', source: JSON.stringify(manifest, null, 2) + '\n' });
      // The operations by name too, for the server's own use (the IDE opens with the profile query).
      for (const operation of readOperations()) this.emitFile({ type: 'asset', fileName: `operations/${operation.name}.graphql`, source: operation.text });
    },
  };
}

export default defineConfig({
  // The server serves dist/ at /pages/ (the HTML at /authors/{id} and /explore), so asset URLs must be absolute.
  base: '/pages/',
  plugins: [trustedDocuments()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A page's scripts stay on the server's origin: no inline data URLs for fonts or images either.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { profile: join(import.meta.dirname, 'profile.html'), explore: join(import.meta.dirname, 'explore.html') },
    },
  },
});
