using System.Data.Common;

namespace PanicLens.Storage;

/// <summary>What differs between the two databases; everything else is the same SQL in <see cref="SqlCrashStore"/>.</summary>
public abstract class SqlDialect
{
    /// <summary>Where the store is, for messages (no password).</summary>
    public abstract string Name { get; }

    /// <summary>The column type of an auto-numbered primary key, substituted for `{id}` in migrations.</summary>
    public abstract string IdColumn { get; }

    /// <summary>An open connection with the session settings the store relies on.</summary>
    public abstract DbConnection Open();

    /// <summary>Keeps two processes from migrating one database at once (inside the migration transaction).</summary>
    public abstract void LockForMigration(DbConnection connection, DbTransaction transaction);
}
