using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ScholarGraph.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GraphChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GraphChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    CommittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "clock_timestamp()"),
                    Instance = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Writer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Changes = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GraphChanges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GraphChanges_CommittedAt",
                table: "GraphChanges",
                column: "CommittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GraphChanges");
        }
    }
}
