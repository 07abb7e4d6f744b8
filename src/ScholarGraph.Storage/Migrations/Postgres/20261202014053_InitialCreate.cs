using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ScholarGraph.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "Authors",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Category = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Orcid = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OpenAlexId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OtherOpenAlexIds = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Ror = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OpenAlexId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CountryCode = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Topics",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    OpenAlexId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ConceptLevel = table.Column<int>(type: "integer", nullable: true),
                    ParentId = table.Column<string>(type: "character varying(200)", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Topics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Topics_Topics_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Venues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    OpenAlexId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    IssnL = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportedAuthorMetrics",
                columns: table => new
                {
                    AuthorId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    HIndex = table.Column<int>(type: "integer", nullable: true),
                    CitationCount = table.Column<int>(type: "integer", nullable: true),
                    PaperCount = table.Column<int>(type: "integer", nullable: true),
                    NoveltyPercent = table.Column<double>(type: "double precision", nullable: true),
                    AiScore = table.Column<double>(type: "double precision", nullable: true)
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
                    AuthorId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    InstitutionId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C")
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
                name: "Papers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Abstract = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PublicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DateYearInferred = table.Column<bool>(type: "boolean", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    CodeUrl = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Doi = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ArxivId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    OpenAlexId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ReportedCitationCount = table.Column<int>(type: "integer", nullable: true),
                    ReportedCitationCountSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    AuthorListTruncated = table.Column<bool>(type: "boolean", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    Language = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    IsOpenAccess = table.Column<bool>(type: "boolean", nullable: true),
                    OpenAccessStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    Keywords = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'"),
                    VenueId = table.Column<string>(type: "character varying(200)", nullable: true, collation: "C"),
                    ReportedFwci = table.Column<double>(type: "double precision", nullable: true),
                    ReportedFwciSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ReportedUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Papers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Papers_Venues_VenueId",
                        column: x => x.VenueId,
                        principalTable: "Venues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Authorships",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    AuthorId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: true),
                    InstitutionId = table.Column<string>(type: "character varying(200)", nullable: true, collation: "C"),
                    RawAuthorName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RawAffiliations = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'"),
                    IsCorresponding = table.Column<bool>(type: "boolean", nullable: true)
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
                    CitingPaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    CitedPaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C")
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
                    PaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    InstitutionId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    PaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    TopicId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    ScoreSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
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

            migrationBuilder.CreateTable(
                name: "PendingCitations",
                columns: table => new
                {
                    CitingPaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    CitedOpenAlexId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
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

            migrationBuilder.CreateTable(
                name: "ReportedCitationsByYear",
                columns: table => new
                {
                    PaperId = table.Column<string>(type: "character varying(200)", nullable: false, collation: "C"),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CitationCount = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_Affiliations_InstitutionId_AuthorId",
                table: "Affiliations",
                columns: new[] { "InstitutionId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Name",
                table: "Authors",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Authors_Name_trgm",
                table: "Authors",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "IX_Institutions_Name_trgm",
                table: "Institutions",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                column: "PublicationDate")
                .Annotation("Npgsql:IndexNullSortOrder", new[] { NullSortOrder.NullsFirst });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_Title_trgm",
                table: "Papers",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Papers_VenueId",
                table: "Papers",
                column: "VenueId");

            migrationBuilder.CreateIndex(
                name: "IX_PendingCitations_CitedOpenAlexId",
                table: "PendingCitations",
                column: "CitedOpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Name",
                table: "Topics",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_Name_trgm",
                table: "Topics",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Topics_OpenAlexId",
                table: "Topics",
                column: "OpenAlexId");

            migrationBuilder.CreateIndex(
                name: "IX_Topics_ParentId",
                table: "Topics",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_IssnL",
                table: "Venues",
                column: "IssnL");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_Name",
                table: "Venues",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Venues_Name_trgm",
                table: "Venues",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Venues_OpenAlexId",
                table: "Venues",
                column: "OpenAlexId");
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
                name: "PendingCitations");

            migrationBuilder.DropTable(
                name: "ReportedAuthorMetrics");

            migrationBuilder.DropTable(
                name: "ReportedCitationsByYear");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "Topics");

            migrationBuilder.DropTable(
                name: "Authors");

            migrationBuilder.DropTable(
                name: "Papers");

            migrationBuilder.DropTable(
                name: "Venues");
        }
    }
}
