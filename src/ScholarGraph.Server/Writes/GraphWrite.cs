using Microsoft.EntityFrameworkCore;
using ScholarGraph.GraphQL.Data.Mutations;
using ScholarGraph.Server.Nodes;
using ScholarGraph.Server.Writes.Changes;
using ScholarGraph.Storage.Database;
using ScholarGraph.Storage.Validation;

namespace ScholarGraph.Server.Writes;

/// <summary>
/// One mutation's unit of work: its context (inside its transaction), its input, and the <see cref="GraphChange"/>s to publish
/// once it has committed. Handlers read and stage rows here, report problems on <see cref="Input"/>, and never save: the
/// mutation saves and commits once, after the handler returns, or writes nothing.
/// </summary>
internal sealed class GraphWrite(ScholarGraphDbContext db, MutationInput input, CancellationToken cancellationToken)
{
    public ScholarGraphDbContext Db { get; } = db;

    public MutationInput Input { get; } = input;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>What the write changed, in order; published after commit.</summary>
    public List<GraphChange> Changes { get; } = [];

    /// <summary>
    /// The key in the global id of field <paramref name="name"/> of <paramref name="on"/> (item <paramref name="index"/> of a
    /// list), or <c>null</c> (with a <see cref="ValidationError"/>) when it is malformed or names another type.
    /// </summary>
    public static string? KeyOf(MutationInput on, string name, string typeName, string id, int? index = null)
    {
        var key = NodeIds.KeyOf(id, typeName, out var problem);
        if (key is null)
            on.Invalid(name, problem, index);
        return key;
    }

    /// <summary>
    /// Decodes id field <paramref name="name"/> of <paramref name="on"/> and loads its entity, reporting a malformed or unknown
    /// id; <c>null</c> then, or when the field is absent or null.
    /// </summary>
    public async Task<T?> FindAsync<T>(MutationInput on, string name, string typeName, Func<string, IReadOnlyList<string>, MutationError> notFound)
        where T : class
    {
        if (on.Get<string>(name) is not { } id || KeyOf(on, name, typeName, id) is not { } key)
            return null;
        var entity = await Db.Set<T>().FindAsync([key], CancellationToken);
        if (entity is null)
            on.Add(notFound(id, on.PathOf(name)));
        return entity;
    }

    /// <summary>Loads the entity the required id field <paramref name="name"/> of the input names, or stops the mutation with the error.</summary>
    public async Task<T> RequireAsync<T>(string name, string typeName, Func<string, IReadOnlyList<string>, MutationError> notFound)
        where T : class
    {
        var entity = await FindAsync<T>(Input, name, typeName, notFound);
        Input.ThrowIfInvalid();
        return entity!;
    }

    /// <summary>Reports <paramref name="duplicate"/> when field <paramref name="field"/> was given and another entity already holds its value.</summary>
    public async Task UniqueAsync<T>(string field, string? value, System.Linq.Expressions.Expression<Func<T, bool>> clash, Func<T, MutationError> duplicate)
        where T : class
    {
        if (value is null || !Input.Has(field))
            return;
        if (await Db.Set<T>().FirstOrDefaultAsync(clash, CancellationToken) is { } existing)
            Input.Add(duplicate(existing));
    }

    /// <summary>
    /// Loads the entities named by the ids in list field <paramref name="name"/> of <paramref name="on"/>, in order, reporting
    /// malformed, repeated and unknown ids; the result holds only those found.
    /// </summary>
    public async Task<List<T>> FindAllAsync<T>(
        MutationInput on, string name, string typeName, Func<T, string> keyOf, Func<string, IReadOnlyList<string>, MutationError> notFound)
        where T : class
    {
        var ids = on.List<string>(name);
        var keys = new List<(string Id, string Key, int Index)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (KeyOf(on, name, typeName, ids[i], i) is not { } key)
                continue;
            if (seen.Add(key))
                keys.Add((ids[i], key, i));
            else
                on.Invalid(name, $"lists '{ids[i]}' twice", i);
        }
        var wanted = keys.Select(k => k.Key).ToList();
        var found = await Db.Set<T>().Where(e => wanted.Contains(EF.Property<string>(e, "Id"))).ToDictionaryAsync(keyOf, CancellationToken);
        var result = new List<T>();
        foreach (var (id, key, index) in keys)
        {
            if (found.TryGetValue(key, out var entity))
                result.Add(entity);
            else
                on.Add(notFound(id, on.PathOf(name, index)));
        }
        return result;
    }

    /// <summary>A new key for an entity named <paramref name="name"/>: its slug, made unique among <typeparamref name="T"/>'s keys and <paramref name="reserved"/>.</summary>
    public async Task<string> NewKeyAsync<T>(string name, ISet<string>? reserved = null)
        where T : class
    {
        var slug = EntityRules.Slug(name);
        var prefix = slug + "-";
        var taken = (await Db.Set<T>().Select(e => EF.Property<string>(e, "Id"))
            .Where(id => id == slug || id.StartsWith(prefix)).ToListAsync(CancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (reserved is not null)
            taken.UnionWith(reserved);
        var key = EntityRules.FirstFreeKey(slug, taken);
        reserved?.Add(key);
        return key;
    }

    /// <summary>Reports field <paramref name="name"/> when <see cref="EntityRules"/> refuses its value.</summary>
    public static void Check(MutationInput on, string name, string? problem)
    {
        if (problem is not null)
            on.Invalid(name, problem);
    }
}
