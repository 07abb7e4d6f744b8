using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations.Postgres
{
    /// <summary>
    /// Search ignores diacritics on PostgreSQL as it does on SQLite (FTS5's <c>unicode61 remove_diacritics 2</c>): <c>muller</c>
    /// finds <c>Müller</c> and <c>Müller</c> finds <c>Muller</c>. The <c>unaccent</c> extension (a trusted extension shipped with
    /// PostgreSQL: the database's owner may create it) and a text search configuration <c>scholargraph_search</c>, the
    /// <c>simple</c> configuration with <c>unaccent</c> before it for the word types that may hold letters outside ASCII; every
    /// <c>"SearchVector"</c> column is made again in it (PostgreSQL rewrites each searched table once). Queries and
    /// <c>ts_headline</c> use the same configuration (<c>Storage/Search/PostgresFullTextSearch.cs</c>), so a snippet marks the
    /// words as they are written. The SQL is written out here so that this migration stays what it was when later code changes.
    /// </summary>
    public partial class SearchIgnoresDiacritics : Migration
    {
        private const string Configuration = "scholargraph_search";

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
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.Sql($"CREATE TEXT SEARCH CONFIGURATION {Configuration} (COPY = simple);");
            migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION {Configuration} ALTER MAPPING FOR "
                + "word, numword, hword, numhword, hword_part, hword_numpart WITH unaccent, simple;");
            RebuildVectors(migrationBuilder, Configuration);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            RebuildVectors(migrationBuilder, "simple");
            migrationBuilder.Sql($"DROP TEXT SEARCH CONFIGURATION {Configuration};");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:unaccent", ",,");
        }

        private static void RebuildVectors(MigrationBuilder migrationBuilder, string configuration)
        {
            foreach (var (table, text, @abstract) in Searched)
            {
                var vector = $"setweight(to_tsvector('{configuration}'::regconfig, coalesce(\"{text}\", '')), 'A')"
                    + (@abstract is null ? "" : $" || setweight(to_tsvector('{configuration}'::regconfig, coalesce(\"{@abstract}\", '')), 'B')");
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"SearchVector\";");
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" ADD COLUMN \"SearchVector\" tsvector GENERATED ALWAYS AS ({vector}) STORED;");
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_SearchVector\" ON \"{table}\" USING gin (\"SearchVector\");");
            }
        }
    }
}
