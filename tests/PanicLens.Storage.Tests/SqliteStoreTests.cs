namespace PanicLens.Storage.Tests;

public sealed class SqliteStoreTests : CrashStoreContract
{
    protected override string Kind => "sqlite";
}
