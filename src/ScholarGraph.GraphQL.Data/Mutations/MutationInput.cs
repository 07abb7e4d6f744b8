using System.Globalization;
using ScholarGraph.GraphQL.Data.Errors;

namespace ScholarGraph.GraphQL.Data.Mutations;

/// <summary>
/// One input object of a mutation, read by field name. It tells a field left out (<see cref="Has"/> is false: keep the current
/// value) from a field set to <c>null</c> (clear it), as Hot Chocolate's <c>Optional&lt;T&gt;</c> does, and collects
/// <see cref="ValidationError"/>s with the path of the offending field, shared with every nested input of the same argument.
/// </summary>
public sealed class MutationInput
{
    private readonly IReadOnlyDictionary<string, object?> _fields;
    private readonly List<MutationError> _errors;

    /// <summary>Wraps the input object given to argument <paramref name="argument"/>.</summary>
    public MutationInput(string argument, IReadOnlyDictionary<string, object?> fields) : this([argument], fields, []) { }

    private MutationInput(IReadOnlyList<string> path, IReadOnlyDictionary<string, object?> fields, List<MutationError> errors)
    {
        Path = path;
        _fields = fields;
        _errors = errors;
    }

    /// <summary>Where this object is, from the argument down.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The errors found so far in this argument.</summary>
    public IReadOnlyList<MutationError> Errors => _errors;

    /// <summary>Whether the client gave field <paramref name="name"/> (possibly as <c>null</c>).</summary>
    public bool Has(string name) => _fields.ContainsKey(name);

    /// <summary>The value of field <paramref name="name"/>, or <c>default</c> when it is absent or null.</summary>
    public T? Get<T>(string name) => _fields.TryGetValue(name, out var value) && value is not null ? (T)value : default;

    /// <summary>The text of field <paramref name="name"/>, trimmed; <c>null</c> when absent, null or blank.</summary>
    public string? Text(string name) => Get<string>(name)?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Calls <paramref name="apply"/> with the trimmed text of field <paramref name="name"/> (<c>null</c> for null or blank) when the client gave the field.</summary>
    public void IfGiven(string name, Action<string?> apply)
    {
        if (Has(name))
            apply(Text(name));
    }

    /// <summary>The list given to field <paramref name="name"/> (empty when absent or null).</summary>
    public IReadOnlyList<T> List<T>(string name) =>
        Get<IEnumerable<object?>>(name)?.Select(v => (T)v!).ToList() ?? [];

    /// <summary>The input objects of list field <paramref name="name"/>, each with its own path.</summary>
    public IReadOnlyList<MutationInput> Objects(string name) =>
        (Get<IEnumerable<object?>>(name) ?? [])
            .Select((item, index) => new MutationInput(
                [.. Path, name, index.ToString(CultureInfo.InvariantCulture)], (IReadOnlyDictionary<string, object?>)item!, _errors))
            .ToList();

    /// <summary>The path of field <paramref name="name"/> of this object (and list index <paramref name="index"/>, when given).</summary>
    public IReadOnlyList<string> PathOf(string name, int? index = null) =>
        index is { } i ? [.. Path, name, i.ToString(CultureInfo.InvariantCulture)] : [.. Path, name];

    /// <summary>
    /// Records that field <paramref name="name"/> (item <paramref name="index"/> of it, when given) is invalid; the message is
    /// the dotted path, a colon and <paramref name="reason"/> (<c>input.title: must not be empty</c>).
    /// </summary>
    public void Invalid(string name, string reason, int? index = null)
    {
        var path = PathOf(name, index);
        _errors.Add(new ValidationError(path, DataErrors.MutationInvalidField(path, reason)));
    }

    /// <summary>Records an error that is not about one field's form (a missing or duplicate entity).</summary>
    public void Add(MutationError error) => _errors.Add(error);

    /// <summary>Stops the mutation with every error found so far, if there is any.</summary>
    /// <exception cref="MutationErrorsException">At least one error was found.</exception>
    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
            throw new MutationErrorsException([.. _errors]);
    }
}
