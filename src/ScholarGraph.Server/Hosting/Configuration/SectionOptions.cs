using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ScholarGraph.Server.Hosting.Configuration;

/// <summary>
/// The one way the server reads its settings: each section binds to a typed options class, validated when the host starts, so a
/// bad value stops the start with a message that names the key and the reason instead of failing a request later.
/// </summary>
public static class SectionOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> of <paramref name="configuration"/> and validates it at
    /// start with its data annotations and, when it implements <see cref="IValidatableObject"/>, its own checks. Each failure
    /// reads <c>Section:Member reason</c>.
    /// </summary>
    /// <returns>The options builder, for further configuration (such as <c>PostConfigure</c>).</returns>
    public static OptionsBuilder<TOptions> AddSectionOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            if (options is IValidatableObject self && results.Count == 0)
                results.AddRange(self.Validate(new ValidationContext(options)));
            return results.Count == 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(results.Select(r => $"{section}:{string.Join(", ", r.MemberNames)} {r.ErrorMessage}"));
        }
    }
}
