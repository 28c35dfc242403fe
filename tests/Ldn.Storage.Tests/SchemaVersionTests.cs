using Xunit;

namespace Ldn.Storage.Tests;

public sealed class SchemaVersionTests
{
    [Fact]
    public void The_placeholder_has_no_schema_yet() => Assert.Equal(0, JournalStoreInfo.SchemaVersion);
}
