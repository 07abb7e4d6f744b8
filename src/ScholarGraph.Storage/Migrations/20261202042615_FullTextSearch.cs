using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations
{
    /// <summary>
    /// Full-text search and autocomplete on SQLite (<c>Storage/Search/SqliteFullTextSearch.cs</c>): an FTS5 table per searched
    /// table with the table as its external content (it stores only the index; the text is read from the table by rowid), filled
    /// from the rows already there, and kept current by triggers on every insert, update of the searched columns and delete,
    /// so that every writer (mutations, the bulk seed loader's and the importer's upserts, plain SQL) is followed. And an index
    /// on each name or title as <c>lower()</c> folds it, with the key, for autocomplete's range scans. The SQL is written out
    /// here, not built from the search code, so that this migration stays what it was when later code changes.
    /// </summary>
    /// <remarks>
    /// A later migration that rebuilds one of these tables (SQLite's copy, drop and rename) drops its triggers and renumbers its
    /// rowids: it must create the triggers again and run <c>INSERT INTO PaperSearch(PaperSearch) VALUES ('rebuild')</c>. The
    /// storage tests check the index against its table after all migrations (FTS5's <c>integrity-check</c>).
    /// </remarks>
    public partial class FullTextSearch : Migration
    {
        // (searched table, FTS5 table, its columns)
        private static readonly (string Table, string Index, string[] Columns)[] Searched =
        [
            ("Papers", "PaperSearch", ["Title", "Abstract"]),
            ("Authors", "AuthorSearch", ["Name"]),
            ("Institutions", "InstitutionSearch", ["Name"]),
            ("Topics", "TopicSearch", ["Name"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, index, columns) in Searched)
            {
                var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                var newValues = string.Join(", ", columns.Select(c => $"new.\"{c}\""));
                var oldValues = string.Join(", ", columns.Select(c => $"old.\"{c}\""));
                var changed = string.Join(" OR ", columns.Select(c => $"old.\"{c}\" IS NOT new.\"{c}\""));
                migrationBuilder.Sql(
                    $"CREATE VIRTUAL TABLE \"{index}\" USING fts5({list}, content='{table}', tokenize='unicode61 remove_diacritics 2');");
                migrationBuilder.Sql($"INSERT INTO \"{index}\"(\"{index}\") VALUES ('rebuild');");
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_search_insert\" AFTER INSERT ON \"{table}\" BEGIN "
                    + $"INSERT INTO \"{index}\"(rowid, {list}) VALUES (new.rowid, {newValues}); END;");
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_search_delete\" AFTER DELETE ON \"{table}\" BEGIN "
                    + $"INSERT INTO \"{index}\"(\"{index}\", rowid, {list}) VALUES ('delete', old.rowid, {oldValues}); END;");
                migrationBuilder.Sql(
                    $"CREATE TRIGGER \"{table}_search_update\" AFTER UPDATE OF {list} ON \"{table}\" WHEN {changed} BEGIN "
                    + $"INSERT INTO \"{index}\"(\"{index}\", rowid, {list}) VALUES ('delete', old.rowid, {oldValues}); "
                    + $"INSERT INTO \"{index}\"(rowid, {list}) VALUES (new.rowid, {newValues}); END;");
                migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_{columns[0]}_lower\" ON \"{table}\" (lower(\"{columns[0]}\"), \"Id\");");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, index, columns) in Searched)
            {
                migrationBuilder.Sql($"DROP INDEX \"IX_{table}_{columns[0]}_lower\";");
                foreach (var change in new[] { "insert", "delete", "update" })
                    migrationBuilder.Sql($"DROP TRIGGER \"{table}_search_{change}\";");
                migrationBuilder.Sql($"DROP TABLE \"{index}\";");
            }
        }
    }
}
