using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ImportedWorks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Level",
                table: "Topics",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParentId",
                table: "Topics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportedCitationCount",
                table: "Papers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportedCitationCountSource",
                table: "Papers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "Institutions",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PendingCitations",
                columns: table => new
                {
                    CitingPaperId = table.Column<string>(type: "TEXT", nullable: false),
                    CitedOpenAlexId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingCitations", x => new { x.CitingPaperId, x.CitedOpenAlexId });
                    table.ForeignKey(
                        name: "FK_PendingCitations_Papers_CitingPaperId",
                        column: x => x.CitingPaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics",
                column: "OpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ParentId",
                table: "Topics",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitedOpenAlexId",
                table: "PendingCitations",
                column: "CitedOpenAlexId");

            migrationBuilder.AddForeignKey(
                name: "FK_Topics_Topics_ParentId",
                table: "Topics",
                column: "ParentId",
                principalTable: "Topics",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Topics_Topics_ParentId",
                table: "Topics");

            migrationBuilder.DropTable(
                name: "PendingCitations");

            migrationBuilder.DropIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics");

            migrationBuilder.DropIndex(
                name: "IX_Topics_ParentId",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "ReportedCitationCount",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ReportedCitationCountSource",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "Institutions");
        }
    }
}
