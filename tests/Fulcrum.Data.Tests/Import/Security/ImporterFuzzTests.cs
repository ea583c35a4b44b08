using System.Text;
using Fulcrum.Data.Import;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Sources;
using FsCheck.Xunit;

namespace Fulcrum.Data.Tests.Import.Security;

/// <summary>
/// Random response files (ids that exist, repeat or are new; unknown accounts; good, bad and out-of-range dates and
/// scores; arbitrary text with quotes, newlines, NULs and control characters) never crash the importer, never change
/// the store when the import is refused, and never change a row other than the ones the file names.
/// </summary>
public sealed class ImporterFuzzTests
{
    static readonly string[] Dates = ["2025-03-01", "2024-12-31T23:59:59Z", "0001-01-01", "2101-06-01", "not a date", "", "2025-13-45", "2025-02-30"];

    [Property(MaxTest = 60)]
    public void Random_rows_never_crash_and_touch_only_the_rows_they_name(byte[] ids, int[] scores, string[] comments, byte[] dates, bool skipInvalid)
    {
        using var ws = new ImportWorkspace();
        ws.SeedAccounts("A0", "A1", "A2", "A3");
        ImportAssert.Committed(ws.Import("responses", ws.WriteLines("seed.csv",
            ["response_id,account_id,responded_at,nps,comment", .. Enumerable.Range(0, 8).Select(i => $"R{i},A{i % 4},2025-01-0{i + 1},{i},seeded")])));
        var before = Snapshot(ws);

        var count = new[] { ids.Length, scores.Length, comments.Length, dates.Length, 30 }.Min();
        var lines = new List<string> { "response_id,account_id,responded_at,nps,comment" };
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var id = $"R{ids[i] % 16}";
            named.Add(id);
            var account = ids[i] % 7 == 6 ? "NOPE" : $"A{ids[i] % 4}";
            var score = scores[i] % 3 == 0 ? "" : (scores[i] % 14).ToString(System.Globalization.CultureInfo.InvariantCulture);
            lines.Add(string.Join(",", id, account, Dates[dates[i] % Dates.Length], score, Quote(comments[i])));
        }
        var file = ws.Write("fuzz.csv", string.Join("\n", lines) + "\n");

        ImportResult result;
        try
        {
            result = ws.Import("responses", file, skipInvalid: skipInvalid);
        }
        catch (Exception e) when (e is ImportException or SourceFormatException or MappingException)
        {
            Assert.Equal(before, Snapshot(ws));
            return;
        }
        var after = Snapshot(ws);
        if (result.Status != ImportStatus.Committed)
        {
            Assert.Equal(before, after);
            return;
        }
        // Rows the file does not name are exactly as they were; no row appears that the file did not name.
        Assert.Equal(before.Where(r => !named.Contains(r.Id)), after.Where(r => !named.Contains(r.Id)));
        Assert.All(after.Where(r => before.All(b => b.Id != r.Id)), r => Assert.Contains(r.Id, named));
    }

    static string Quote(string? text) => "\"" + (text ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Every response and follow-up as (id, the rest of the row), sorted.</summary>
    static List<(string Id, string Row)> Snapshot(ImportWorkspace ws) =>
    [
        .. ws.Store.Query<(string, string)>(
                "SELECT response_id, concat_ws('|', 'response', account_id, responded_at, nps, csat, ces, comment) FROM responses " +
                "UNION ALL SELECT response_id, concat_ws('|', 'followup', owner, status, due) FROM followups")
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2, StringComparer.Ordinal),
    ];
}
