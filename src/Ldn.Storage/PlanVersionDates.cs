using System.Data;
using Dapper;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Storage;

/// <summary>
/// Migration 3's C# step: gives the plan rows of a schema-2 journal (each <c>plan set</c> added one, and the
/// newest was the plan) the date each version is in force from. The first row starts on its first step's
/// date. A later row starts on the later of the local date it was set on (in the profile's zone, UTC without
/// a profile) and its own first step's date, and never before the row set before it — so the versions keep
/// the order they were set in, and the newest row is still the plan in force at the end, as it was.
/// Every row gets the adjustment <c>set</c>.
/// </summary>
internal static class PlanVersionDates
{
    public static void Fill(IDbConnection connection, IDbTransaction transaction)
    {
        var zoneId = connection.ExecuteScalar<string?>("SELECT time_zone FROM profile WHERE id = 1", transaction: transaction);
        var zone = ZoneOrUtc(zoneId);
        var rows = connection.Query<(long Id, long SetAt, string PlanJson)>(
            "SELECT id, set_at_utc_ms, plan_json FROM plans ORDER BY id", transaction: transaction).ToList();
        LocalDate? previous = null;
        foreach (var row in rows)
        {
            var setOn = Instant.FromUnixTimeMilliseconds(row.SetAt).InZone(zone).Date;
            var firstStep = FirstStep(row.PlanJson);
            var from = previous is null
                ? firstStep ?? setOn
                : Latest(Latest(setOn, firstStep ?? setOn), previous.Value);
            connection.Execute(
                "UPDATE plans SET from_date = @from, adjustment = 'set' WHERE id = @Id",
                new { row.Id, from = LocalDatePattern.Iso.Format(from) }, transaction);
            previous = from;
        }
    }

    private static DateTimeZone ZoneOrUtc(string? id)
    {
        try
        {
            return id is null ? DateTimeZone.Utc : JournalTime.Zone(id);
        }
        catch (InvalidInputException)
        {
            return DateTimeZone.Utc;
        }
    }

    /// <summary>The plan's first step date; null for a plan whose steps cannot be read (schema 2 checked only that it was JSON).</summary>
    private static LocalDate? FirstStep(string planJson)
    {
        try
        {
            return LocalDate.FromDateOnly(PlanDocument.ReadSteps(planJson, "a stored plan")[0].From);
        }
        catch (InvalidInputException)
        {
            return null;
        }
    }

    private static LocalDate Latest(LocalDate a, LocalDate b) => a > b ? a : b;
}
