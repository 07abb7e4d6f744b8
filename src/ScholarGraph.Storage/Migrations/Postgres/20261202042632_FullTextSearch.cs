using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations.Postgres
{
    /// <summary>
    /// Full-text search and autocomplete on PostgreSQL (<c>Storage/Search/PostgresFullTextSearch.cs</c>): a stored generated
    /// column <c>"SearchVector"</c> on each searched table (the name or title with weight A, a paper's abstract with weight B, in
    /// the <c>simple</c> configuration), which PostgreSQL computes on every insert and update whoever writes, with a GIN index;
    /// and an index on each name or title as <c>lower()</c> folds it (the <c>C</c> collation: ASCII letters), with the key, for
    /// autocomplete's range scans. The column is not in the EF Core model: only the search's own SQL reads it. The SQL is written
    /// out here so that this migration stays what it was when later code changes.
    /// </summary>
    public partial class FullTextSearch : Migration
    {
        private static readonly (string Table, string Text, string Abstract)[] Searched =
        [
            ("Papers", "Title", "Abstract"),
            ("Authors", "Name", null),
            ("Institutions", "Name", null),
            ("Topics", "Name", null),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, text, @abstract) in Searched)
            {
                var vector = $"setweight(to_tsvector('simple'::regconfig, coalesce(\"{text}\", '')), 'A')"
                    + (@abstract is null ? "" : $" || setweight(to_tsvector('simple'::regconfig, coalesce(\"{@abstract}\", '')), 'B')");
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ADD COLUMN \"SearchVector\" tsvector GENERATED ALWAYS AS ({vector}) STORED;");
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_SearchVector\" ON \"{table}\" USING gin (\"SearchVector\");");
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_{text}_lower\" ON \"{table}\" (lower(\"{text}\"), \"Id\");");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, text, _) in Searched)
            {
                migrationBuilder.Sql($"DROP INDEX \"IX_{table}_{text}_lower\";");
                migrationBuilder.Sql($"DROP INDEX \"IX_{table}_SearchVector\";");
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"SearchVector\";");
            }
        }
    }
}
