namespace ScholarGraph.Storage.Seeding;

/// <summary>The five item arrays of a seed file, in the order the loaders write them.</summary>
internal enum SeedSection
{
    Institutions,
    Topics,
    Venues,
    Authors,
    Papers,
}

/// <summary>
/// Where an item sits in its file (<c>$.papers[12]</c>), kept as a section and an index rather than a string, because the
/// validator remembers one per declared id and a million formatted paths would cost more than the ids themselves.
/// </summary>
internal readonly record struct SeedItemPath(SeedSection Section, int Index)
{
    /// <summary>The JSON name of each section, as the seed format spells it.</summary>
    public static string JsonName(SeedSection section) => section switch
    {
        SeedSection.Institutions => "institutions",
        SeedSection.Topics => "topics",
        SeedSection.Venues => "venues",
        SeedSection.Authors => "authors",
        _ => "papers",
    };

    /// <inheritdoc />
    public override string ToString() => $"$.{JsonName(Section)}[{Index}]";
}
