using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OpenAlexRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConceptLevel",
                table: "Topics",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOpenAccess",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Keywords",
                table: "Papers",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "Papers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenAccessStatus",
                table: "Papers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ReportedFwci",
                table: "Papers",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedFwciSource",
                table: "Papers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReportedUpdatedAt",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Papers",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VenueId",
                table: "Papers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCorresponding",
                table: "Authorships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RawAffiliations",
                table: "Authorships",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.AddColumn<string>(
                name: "RawAuthorName",
                table: "Authorships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherOpenAlexIds",
                table: "Authors",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.CreateTable(
                name: "ReportedCitationsByYear",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CitationCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedCitationsByYear", x => new { x.PaperId, x.Source, x.Year });
                    table.ForeignKey(
                        name: "FK_ReportedCitationsByYear_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Venues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    OpenAlexId = table.Column<string>(type: "TEXT", nullable: true),
                    IssnL = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Venues", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_VenueId",
                table: "Papers",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_IssnL",
                table: "Venues",
                column: "IssnL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_Name",
                table: "Venues",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues",
                column: "OpenAlexId");

            migrationBuilder.AddForeignKey(
                name: "FK_Papers_Venues_VenueId",
                table: "Papers",
                column: "VenueId",
                principalTable: "Venues",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Papers_Venues_VenueId",
                table: "Papers");

            migrationBuilder.DropTable(
                name: "ReportedCitationsByYear");

            migrationBuilder.DropTable(
                name: "Venues");

            migrationBuilder.DropIndex(
                name: "IX_Papers_VenueId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ConceptLevel",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "IsOpenAccess",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Keywords",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "OpenAccessStatus",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ReportedFwci",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ReportedFwciSource",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ReportedUpdatedAt",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "VenueId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "IsCorresponding",
                table: "Authorships");

            migrationBuilder.DropColumn(
                name: "RawAffiliations",
                table: "Authorships");

            migrationBuilder.DropColumn(
                name: "RawAuthorName",
                table: "Authorships");

            migrationBuilder.DropColumn(
                name: "OtherOpenAlexIds",
                table: "Authors");
        }
    }
}
