using System.Text;
using GraphQL.DI;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using ScholarGraph.GraphQL.AspNetCore.Streaming;
using ScholarGraph.GraphQL.AspNetCore.Configuration;
using ScholarGraph.GraphQL.AspNetCore.Documents;
using ScholarGraph.GraphQL.AspNetCore.Http;

namespace ScholarGraph.Server.Hosting.Security;

/// <summary>Registers who may call the server: API keys and JWT bearer tokens, read from the <c>Security</c> section.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SecurityOptions"/>, registers <see cref="CallerAuthenticator"/> and makes it ASP.NET Core's default
    /// authentication scheme; bearer tokens are validated with <see cref="JwtBearerOptions"/> (HS256 key, issuer, audience,
    /// lifetime; claims kept as the token names them). Reads need a caller only when
    /// <see cref="SecurityOptions.RequireAuthenticationForReads"/> is on. Streaming connections (WebSocket, SSE) are authorized
    /// with the same credentials, from the <c>connection_init</c> payload or the request's headers. Where trusted documents allow
    /// query text for authorized callers only, those are the writers (<see cref="WriterDocumentPolicy"/>).
    /// </summary>
    public static IServiceCollection AddScholarGraphSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedSection<SecurityOptions>(configuration, SecurityOptions.SectionName);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((jwt, security) => ConfigureJwt(jwt, security.Value.Jwt));
        // A read refused before execution (reads closed, no credential) answers 401, a credential without the scope 403; a
        // setting of GraphQLHttp:StatusCodesByErrorCode for the same code wins.
        services.Configure<GraphQLHttpOptions>(http =>
        {
            http.StatusCodesByErrorCode.TryAdd(CallerPermissions.NotAuthenticatedCode, StatusCodes.Status401Unauthorized);
            http.StatusCodesByErrorCode.TryAdd(CallerPermissions.NotAuthorizedCode, StatusCodes.Status403Forbidden);
        });
        services.AddSingleton<CallerAuthenticator>();
        services.AddAuthentication(CallerAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CallerAuthenticationHandler>(CallerAuthenticationHandler.SchemeName, null);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureExecution, ReadAuthorization>());
        services.AddSingleton<IConnectionAuthorizer, CallerConnectionAuthorizer>();
        services.AddSingleton<IArbitraryDocumentPolicy, WriterDocumentPolicy>();
        return services;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, JwtOptions settings)
    {
        jwt.MapInboundClaims = false;
        foreach (var handler in jwt.TokenHandlers.OfType<Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler>())
            handler.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            // Without a complete configuration no token can pass: there is no key to check a signature with.
            ValidateIssuer = true,
            ValidIssuer = settings.Issuer,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            IssuerSigningKey = settings.IsConfigured ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey!)) : null,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = settings.ClockSkew,
            NameClaimType = CallerAuthenticator.NameClaim,
        };
    }
}
