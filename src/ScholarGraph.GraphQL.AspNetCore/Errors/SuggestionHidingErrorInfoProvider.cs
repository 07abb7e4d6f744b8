using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScholarGraph.GraphQL.AspNetCore.Http;

namespace ScholarGraph.GraphQL.AspNetCore.Errors;

/// <summary>
/// GraphQL.NET's error formatting, less the "Did you mean ...?" that validation appends to an unknown field, type or argument
/// where <see cref="GraphQLHttpOptions.EnableSuggestions"/> says so: a suggestion tells a stranger the names the schema has.
/// </summary>
internal sealed class SuggestionHidingErrorInfoProvider(
    IOptions<ErrorInfoProviderOptions> errors, IOptions<GraphQLHttpOptions> http, IServiceProvider services)
    : ErrorInfoProvider(errors.Value)
{
    private const string Suggestion = " Did you mean";

    private readonly bool _hide = !(http.Value.EnableSuggestions
        ?? services.GetService<IHostEnvironment>()?.IsDevelopment() ?? false);

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (_hide && info.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var cut and >= 0)
            info.Message = info.Message[..cut];
        return info;
    }
}
