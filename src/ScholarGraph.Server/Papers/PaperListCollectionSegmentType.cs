using ScholarGraph.GraphQL.Data.Paging.Types;

namespace ScholarGraph.Server.Papers;

/// <summary><c>PaperListCollectionSegment</c>: an offset-paged segment of papers.</summary>
public sealed class PaperListCollectionSegmentType() : CollectionSegmentGraphType<PaperType>("PaperList");
