namespace PanicLens.Storage.Tests;

/// <summary>The contract on a real PostgreSQL: `.ci/run` starts one; without it these tests fail.</summary>
public sealed class PostgresStoreTests : CrashStoreContract
{
    protected override string Kind => "postgres";
}
