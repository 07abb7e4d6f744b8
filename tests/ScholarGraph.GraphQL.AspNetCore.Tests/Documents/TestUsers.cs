using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ScholarGraph.GraphQL.AspNetCore.Tests.Documents;

/// <summary>
/// Stands in for an app's authentication: a request with <c>X-Test-User: name</c> (or <c>name:role</c>) runs as an authenticated
/// user of that name (and role); without it the caller is anonymous.
/// </summary>
public static class TestUsers
{
    public const string Header = "X-Test-User";

    public static void Authenticate(WebApplication app) => app.Use((context, next) =>
    {
        if (context.Request.Headers[Header].FirstOrDefault() is { } user)
        {
            var parts = user.Split(':');
            List<Claim> claims = [new(ClaimTypes.Name, parts[0])];
            if (parts.Length > 1)
                claims.Add(new Claim(ClaimTypes.Role, parts[1]));
            context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        }
        return next(context);
    });
}
