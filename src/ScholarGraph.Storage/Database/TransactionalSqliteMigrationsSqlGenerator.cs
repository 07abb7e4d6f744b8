using System.Text;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScholarGraph.Storage.Database;

/// <summary>
/// EF Core's SQLite migrations, each applied in one transaction. SQLite cannot alter a column or add a foreign key in place, so
/// EF Core rebuilds the table (copy, drop, rename) and wraps the drop in <c>PRAGMA foreign_keys = 0/1</c>, which SQLite ignores
/// inside a transaction: EF Core therefore commits what came before, runs the pragma outside, and begins again, so a migration
/// killed midway is left half applied, with no history row, and fails on every later start (EF Core's
/// <c>NonTransactionalMigrationOperationWarning</c>). This generator follows SQLite's own procedure for such changes instead
/// (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): <see cref="StoreSchema.EnsureAsync"/> turns
/// foreign keys off on the connection before any transaction begins, every command of a migration (its history row included)
/// runs in one transaction, and a migration that moves or writes rows runs <c>PRAGMA foreign_key_check</c> before its commit,
/// failing (and so writing nothing) when a row would be left pointing nowhere. A rebuilding migration refuses to start when
/// foreign keys are on, since the drop would then delete the rows of every table that references the rebuilt one with
/// <c>ON DELETE CASCADE</c>.
/// Scripts (<c>dotnet ef migrations script</c>) are left as EF Core writes them, for running by hand.
/// </summary>
internal sealed class TransactionalSqliteMigrationsSqlGenerator(
    MigrationsSqlGeneratorDependencies dependencies, IRelationalAnnotationProvider migrationsAnnotations)
    : SqliteMigrationsSqlGenerator(dependencies, migrationsAnnotations)
{
    public override IReadOnlyList<MigrationCommand> Generate(
        IReadOnlyList<MigrationOperation> operations, IModel? model = null, MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        var commands = base.Generate(operations, model, options);
        if (options.HasFlag(MigrationsSqlGenerationOptions.Script) || commands.Count == 0)
            return commands;
        var rebuilds = commands.Any(IsForeignKeysPragma);
        List<MigrationCommand> result = [];
        if (rebuilds)
            result.Add(Check("PRAGMA foreign_keys;", ForeignKeysMustBeOff));
        result.AddRange(commands.Where(c => !IsForeignKeysPragma(c)));
        // Creating tables and indexes cannot leave a row pointing nowhere; moving or writing rows with foreign keys off can.
        if (rebuilds || operations.Any(o => o is SqlOperation or InsertDataOperation or UpdateDataOperation or DeleteDataOperation))
            result.Add(Check("PRAGMA foreign_key_check;", NoDanglingRows));
        return result;
    }

    // EF Core's own pragma around a rebuild: a suppressed-transaction command and nothing else.
    private static bool IsForeignKeysPragma(MigrationCommand command) =>
        command.TransactionSuppressed && command.CommandText.Trim() is "PRAGMA foreign_keys = 0;" or "PRAGMA foreign_keys = 1;";

    private static string? ForeignKeysMustBeOff(RelationalDataReader reader) =>
        reader.Read() && reader.DbDataReader.GetInt64(0) != 0
            ? "This migration rebuilds a table, which SQLite can do safely only with foreign keys off on the connection (otherwise "
              + "dropping the old table deletes the rows that reference it). Apply migrations with StoreSchema.EnsureAsync, which turns them off."
            : null;

    private static string? NoDanglingRows(RelationalDataReader reader)
    {
        var rows = new StringBuilder();
        var count = 0;
        while (reader.Read())
        {
            if (count++ < 5)
                rows.Append(count > 1 ? ", " : "").Append($"{reader.DbDataReader.GetString(0)} row {reader.DbDataReader.GetValue(1)} -> {reader.DbDataReader.GetString(2)}");
        }
        return count == 0
            ? null
            : $"The migration would leave {count} row(s) referencing rows that do not exist ({rows}); it was rolled back and nothing was changed.";
    }

    private CheckCommand Check(string sql, Func<RelationalDataReader, string?> problem) =>
        new(Dependencies.CommandBuilderFactory.Create().Append(sql).Build(), Dependencies.CurrentContext.Context, Dependencies.Logger, problem);

    /// <summary>A query run inside the migration's transaction that fails the migration when its <c>problem</c> finds one.</summary>
    private sealed class CheckCommand : MigrationCommand
    {
        private readonly IRelationalCommand _command;
        private readonly Microsoft.EntityFrameworkCore.DbContext _context;
        private readonly Func<RelationalDataReader, string?> _problem;

        public CheckCommand(
            IRelationalCommand command, Microsoft.EntityFrameworkCore.DbContext context, IRelationalCommandDiagnosticsLogger logger,
            Func<RelationalDataReader, string?> problem)
            : base(command, context, logger)
        {
            _command = command;
            _context = context;
            _problem = problem;
        }

        public override int ExecuteNonQuery(IRelationalConnection connection, IReadOnlyDictionary<string, object?>? parameterValues = null)
        {
            using var reader = _command.ExecuteReader(Parameters(connection, parameterValues));
            return Verify(reader);
        }

        public override async Task<int> ExecuteNonQueryAsync(
            IRelationalConnection connection, IReadOnlyDictionary<string, object?>? parameterValues = null, CancellationToken cancellationToken = default)
        {
            await using var reader = await _command.ExecuteReaderAsync(Parameters(connection, parameterValues), cancellationToken);
            return Verify(reader);
        }

        private RelationalCommandParameterObject Parameters(IRelationalConnection connection, IReadOnlyDictionary<string, object?>? parameterValues) =>
            new(connection, parameterValues, null, _context, CommandLogger, CommandSource.Migrations);

        private int Verify(RelationalDataReader reader) =>
            _problem(reader) is { } message ? throw new StoreSchemaException(message) : 0;
    }
}
