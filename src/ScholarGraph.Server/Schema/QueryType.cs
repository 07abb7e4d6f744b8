using ScholarGraph.Server.GraphQuestions.Indicators;
using GraphQL.Types;
using ScholarGraph.GraphQL.Data.Paging;
using ScholarGraph.Domain;
using ScholarGraph.GraphQL.Data.Paging.Extensions;
using ScholarGraph.GraphQL.Data.Sorting.Extensions;
using ScholarGraph.Server.Authors;
using ScholarGraph.Server.GraphQuestions.Clusters;
using ScholarGraph.Server.GraphQuestions.Networks;
using ScholarGraph.Server.Institutions;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Papers;
using ScholarGraph.Server.Topics;
using ScholarGraph.Server.Venues;

namespace ScholarGraph.Server.Schema;

/// <summary>The root <c>Query</c> type; each room adds its own fields, in the order the approved schema lists them.</summary>
public sealed class QueryType : ObjectGraphType
{
    /// <summary>Defines the root fields.</summary>
    public QueryType(PagingOptions paging)
    {
        Name = "Query";
        Description = "The entry points for reading the scholarly graph.";
        this.AddNodeFields();

        this.AddAuthorsField(paging);
        this.AddPapersField(paging);
        this.AddPaperListField(paging);
        this.AddInstitutionsField(paging);
        this.AddTopicsField(paging);
        this.AddVenuesField(paging);

        this.AddAuthorField();
        this.AddPaperField();
        this.AddInstitutionField();
        this.AddTopicField();
        this.AddVenueField();

        this.AddNetworkFields();
        this.AddTopicClustersField();
        this.AddTrendingTopicsField();
    }
}
