namespace ScholarGraph.Storage.Seeding;

/// <summary>Receives the domain rows the <see cref="SeedChecker"/> builds: a <see cref="SeedGraph"/> keeps them, the bulk loader writes them.</summary>
internal interface ISeedRowSink
{
    /// <summary>Takes one row (an entity of the store's model, navigation properties left empty).</summary>
    void Add<T>(T row) where T : class;
}
