namespace Ldn.Storage;

/// <summary>Placeholder until the journal stores land (issue 5).</summary>
internal static class JournalStoreInfo
{
    public const int SchemaVersion = 0;
}
