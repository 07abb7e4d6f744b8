using Microsoft.EntityFrameworkCore;

namespace ScholarGraph.GraphQL.Data.Tests.Model;

// A model of its own, knowing nothing of scholars: owners with items, items with tags, and owners' favourite items in order
// (a link entity, as a paper's authorships are).

public sealed class Owner
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public List<Item> Items { get; set; } = [];
    public List<Favourite> Favourites { get; set; } = [];
}

public sealed class Item
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The wide column, which projection must not read unless selected.</summary>
    public string? Note { get; set; }

    public int Rank { get; set; }
    public int? Size { get; set; }
    public double Weight { get; set; }
    public DateOnly? Day { get; set; }
    public bool Active { get; set; }
    public string? OwnerId { get; set; }
    public Owner? Owner { get; set; }
    public List<Tag> Tags { get; set; } = [];
}

public sealed class Tag
{
    public int Id { get; set; }
    public required string ItemId { get; set; }
    public required string Label { get; set; }
}

public sealed class Favourite
{
    public required string OwnerId { get; set; }
    public required string ItemId { get; set; }
    public int Position { get; set; }
    public Item? Item { get; set; }
}

public sealed class TinyContext(DbContextOptions<TinyContext> options) : DbContext(options)
{
    public DbSet<Item> Items => Set<Item>();
    public DbSet<Owner> Owners => Set<Owner>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Favourite> Favourites => Set<Favourite>();

    // On PostgreSQL, strings compare by code point as on SQLite and in LINQ to Objects, as ScholarGraph's store has them.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsNpgsql())
            configurationBuilder.Properties<string>().UseCollation("C");
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Favourite>().HasKey(f => new { f.OwnerId, f.ItemId });
        modelBuilder.Entity<Owner>().HasMany(o => o.Favourites).WithOne().HasForeignKey(f => f.OwnerId);
        // Keyset pages by day walk this index (the plan tests read SQLite's plan).
        modelBuilder.Entity<Item>().HasIndex(i => i.Day);
    }
}
