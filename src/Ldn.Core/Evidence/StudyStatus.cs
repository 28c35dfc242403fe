namespace Ldn.Core.Evidence;

/// <summary>
/// Whether a study has reported results. Only <see cref="Published"/> and <see cref="Unpublished"/>
/// (results known from a press release or similar) count towards a condition's best grade; the others
/// are registered trials listed so that the reader knows they exist.
/// </summary>
public enum StudyStatus
{
    Published,

    /// <summary>Results reported outside a journal (e.g. a company announcement).</summary>
    Unpublished,

    /// <summary>Registered; ongoing or no results found.</summary>
    NoResults,

    Withdrawn,

    Suspended,
}

public static class StudyStatuses
{
    private static readonly (StudyStatus Status, string Id)[] Names =
    [
        (StudyStatus.Published, "published"),
        (StudyStatus.Unpublished, "unpublished"),
        (StudyStatus.NoResults, "no-results"),
        (StudyStatus.Withdrawn, "withdrawn"),
        (StudyStatus.Suspended, "suspended"),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. Names.Select(n => n.Id)];

    public static string ToId(this StudyStatus status) => Names.First(n => n.Status == status).Id;

    /// <summary>True when the study reported results (published or not).</summary>
    public static bool HasResults(this StudyStatus status) => status is StudyStatus.Published or StudyStatus.Unpublished;

    public static bool TryParse(string? text, out StudyStatus status)
    {
        foreach (var (s, id) in Names)
        {
            if (string.Equals(text?.Trim(), id, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = StudyStatus.Published;
        return false;
    }
}
