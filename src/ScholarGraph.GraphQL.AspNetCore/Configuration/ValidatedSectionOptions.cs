using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ScholarGraph.GraphQL.AspNetCore.Configuration;

/// <summary>
/// Binds an options class to its configuration section and validates it when the host starts, so a bad value stops the start
/// with a message that names the key and the reason (<c>Section:Member reason</c>) instead of failing a request later. This
/// library's options are registered this way; an app may register its own the same way, so every section reads alike.
/// </summary>
public static class ValidatedSectionOptions
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/>, bound to <paramref name="section"/> of <paramref name="configuration"/> when
    /// one is given, and checked at start by its data annotations and, when it implements <see cref="IValidatableObject"/>,
    /// its own checks. Without a configuration the section's name still prefixes the failures, so they read the same.
    /// </summary>
    /// <returns>The options builder, for further configuration (such as <c>PostConfigure</c>).</returns>
    public static OptionsBuilder<TOptions> AddValidatedSection<TOptions>(this IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(section));
        var options = services.AddOptions<TOptions>();
        if (configuration is not null)
            options.Bind(configuration.GetSection(section));
        return options.ValidateOnStart();
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
