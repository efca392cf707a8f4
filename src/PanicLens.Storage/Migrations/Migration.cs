namespace PanicLens.Storage.Migrations;

/// <summary>
/// One schema step. <see cref="Sql"/> is written once for both databases; `{id}` stands for the auto-numbered key
/// column type of each (SQLite `INTEGER PRIMARY KEY`, PostgreSQL an identity column). Statements end in `;` + newline.
/// </summary>
public sealed record Migration(int Version, string Description, string Sql);
