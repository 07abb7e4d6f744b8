declare module 'virtual:trusted-documents' {
  /** The SHA-256 document id (`sha256:<hex>`) of each operation in operations/, by file name. */
  export const documentIds: Record<'Profile' | 'AuthorSearch' | 'CoauthorNetwork' | 'CollaborationPath' | 'TopicClusters', string>;
}
