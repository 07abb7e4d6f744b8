using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScholarGraph.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    Orcid = table.Column<string>(type: "TEXT", nullable: true),
                    OpenAlexId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Ror = table.Column<string>(type: "TEXT", nullable: true),
                    OpenAlexId = table.Column<string>(type: "TEXT", nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Papers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Abstract = table.Column<string>(type: "TEXT", nullable: true),
                    PublicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateYearInferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    CodeUrl = table.Column<string>(type: "TEXT", nullable: true),
                    Doi = table.Column<string>(type: "TEXT", nullable: true),
                    ArxivId = table.Column<string>(type: "TEXT", nullable: true),
                    OpenAlexId = table.Column<string>(type: "TEXT", nullable: true),
                    AuthorListTruncated = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Papers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", nullable: false),
                    OpenAlexId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportedAuthorMetrics",
                columns: table => new
                {
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    CitationCount = table.Column<int>(type: "INTEGER", nullable: true),
                    PaperCount = table.Column<int>(type: "INTEGER", nullable: true),
                    NoveltyPercent = table.Column<double>(type: "REAL", nullable: true),
                    AiScore = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportedAuthorMetrics", x => new { x.AuthorId, x.Source });
                    table.ForeignKey(
                        name: "FK_ReportedAuthorMetrics_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Affiliations",
                columns: table => new
                {
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Affiliations", x => new { x.AuthorId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_Affiliations_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Affiliations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Authorships",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: true),
                    InstitutionId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorships", x => new { x.PaperId, x.AuthorId });
                    table.ForeignKey(
                        name: "FK_Authorships_Authors_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Authorships_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Authorships_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Citations",
                columns: table => new
                {
                    CitingPaperId = table.Column<string>(type: "TEXT", nullable: false),
                    CitedPaperId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Citations", x => new { x.CitingPaperId, x.CitedPaperId });
                    table.ForeignKey(
                        name: "FK_Citations_Papers_CitedPaperId",
                        column: x => x.CitedPaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Citations_Papers_CitingPaperId",
                        column: x => x.CitingPaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperInstitutions",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "TEXT", nullable: false),
                    InstitutionId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperInstitutions", x => new { x.PaperId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_PaperInstitutions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperInstitutions_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaperTopics",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "TEXT", nullable: false),
                    TopicId = table.Column<string>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    ScoreSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperTopics", x => new { x.PaperId, x.TopicId });
                    table.ForeignKey(
                        name: "FK_PaperTopics_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaperTopics_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Affiliations_InstitutionId_AuthorId",
                table: "Affiliations",
                columns: new[] { "InstitutionId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Name",
                table: "Authors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_OpenAlexId",
                table: "Authors",
                column: "OpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Orcid",
                table: "Authors",
                column: "Orcid");

            migrationBuilder.CreateIndex(
                name: "IX_Authorships_AuthorId_PaperId",
                table: "Authorships",
                columns: new[] { "AuthorId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_Authorships_InstitutionId",
                table: "Authorships",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Citations_CitedPaperId_CitingPaperId",
                table: "Citations",
                columns: new[] { "CitedPaperId", "CitingPaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OpenAlexId",
                table: "Institutions",
                column: "OpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Ror",
                table: "Institutions",
                column: "Ror");

            migrationBuilder.CreateIndex(
                name: "IX_PaperInstitutions_InstitutionId_PaperId",
                table: "PaperInstitutions",
                columns: new[] { "InstitutionId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperTopics_TopicId_PaperId",
                table: "PaperTopics",
                columns: new[] { "TopicId", "PaperId" });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Doi",
                table: "Papers",
                column: "Doi");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_OpenAlexId",
                table: "Papers",
                column: "OpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_PublicationDate",
                table: "Papers",
                column: "PublicationDate");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Name",
                table: "Topics",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Affiliations");

            migrationBuilder.DropTable(
                name: "Authorships");

            migrationBuilder.DropTable(
                name: "Citations");

            migrationBuilder.DropTable(
                name: "PaperInstitutions");

            migrationBuilder.DropTable(
                name: "PaperTopics");

            migrationBuilder.DropTable(
                name: "ReportedAuthorMetrics");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "Papers");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "Authors");
        }
    }
}
