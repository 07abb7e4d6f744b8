using ScholarGraph.GraphQL.AspNetCore.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using ScholarGraph.GraphQL.AspNetCore.Errors;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>
/// Checks that the selected operation may travel over this HTTP method: GET carries queries only (mutations must not be
/// triggered by a link or a cache), and neither method carries subscriptions. It is a validation rule rather than a
/// separate parse so the document is parsed once, and it also runs for documents served from the cache.
/// </summary>
internal sealed class HttpOperationTypeRule : ValidationRuleBase, IVisitorFreeRule
{
    public static readonly HttpOperationTypeRule ForGet = new(onlyQueries: true);

    public static readonly HttpOperationTypeRule ForPost = new(onlyQueries: false);

    private readonly bool _onlyQueries;

    private HttpOperationTypeRule(bool onlyQueries) => _onlyQueries = onlyQueries;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (_onlyQueries && operation.Operation != OperationType.Query)
            context.ReportError(new MethodNotAllowedError(context.Document, operation));
        else if (operation.Operation == OperationType.Subscription)
            context.ReportError(new SubscriptionNotSupportedError(context.Document, operation));
        return default;
    }
}
