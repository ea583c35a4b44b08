using System.Globalization;
using System.Text;
using Fulcrum.Data.Demo.Comments;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// Writes the import benchmark's input: a responses CSV with the canonical column names
/// (response_id, account_id, contact, survey, channel, responded_at (ISO 8601 UTC), nps, csat, ces, comment)
/// and an accounts CSV holding exactly the account ids the responses reference. Deterministic for a seed.
/// </summary>
internal static class ImportFixture
{
    private static readonly string[] Surveys = ["Quarterly relationship NPS", "Post-onboarding survey", "Support follow-up"];
    private static readonly string[] Channels = ["email", "in-app", "web", "sms"];
    private static readonly string[] FirstNames = ["ana", "ben", "chloe", "dev", "emma", "farid", "grace", "hiro", "ines", "jonas", "kate", "liam"];
    private static readonly string[] Segments = ["SMB", "Mid-Market", "Enterprise"];
    private static readonly string[] Regions = ["NA", "EMEA", "APAC", "LATAM"];
    private static readonly string[] Industries = ["Software", "Retail", "Healthcare", "Finance", "Manufacturing", "Education"];
    private static readonly string[] Owners = ["Avery Stone", "Blake Moreno", "Casey Lin", "Drew Patel", "Emerson Reed"];
    private static readonly string[] Products = ["Core Platform", "Analytics", "Automation", "Connect"];
    private static readonly CommentTheme[] Themes = [.. CommentThemes.All];

    // NPS 0..10, shaped like a B2B relationship survey (mode at 8, a fat detractor tail).
    private static readonly int[] NpsWeights = [3, 2, 2, 3, 4, 6, 7, 12, 20, 22, 19];

    public sealed record Files(string Responses, string Accounts, long ResponseRows, long AccountRows, long ResponseBytes);

    public static Files Write(string directory, int accounts, int rows, int seed)
    {
        var responsesPath = Path.Combine(directory, "responses.csv");
        var accountsPath = Path.Combine(directory, "accounts.csv");
        var pool = Math.Max(1, Math.Min(accounts, rows));
        var referenced = new bool[pool];
        var rng = new Random(seed);
        var periodStart = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int periodSeconds = 3 * 365 * 86_400;
        var npsTotal = NpsWeights.Sum();
        var themes = new CommentTheme[2];

        using (var writer = Open(responsesPath))
        {
            writer.Write("response_id,account_id,contact,survey,channel,responded_at,nps,csat,ces,comment\n");
            for (var i = 0; i < rows; i++)
            {
                var account = rng.Next(pool);
                referenced[account] = true;
                var nps = Pick(rng, NpsWeights, npsTotal);
                writer.Write("R-");
                writer.Write((i + 1).ToString("D8", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(AccountId(account));
                writer.Write(',');
                writer.Write(FirstNames[rng.Next(FirstNames.Length)]);
                writer.Write('@');
                writer.Write(AccountId(account).ToLowerInvariant());
                writer.Write(".example.com,");
                writer.Write(Surveys[rng.Next(Surveys.Length)]);
                writer.Write(',');
                writer.Write(Channels[rng.Next(Channels.Length)]);
                writer.Write(',');
                writer.Write(periodStart.AddSeconds(rng.Next(periodSeconds)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(nps.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                if (rng.NextDouble() < 0.85) writer.Write(Math.Clamp(1 + (nps + rng.Next(-2, 3)) * 4 / 10, 1, 5).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                if (rng.NextDouble() < 0.70) writer.Write(Math.Clamp(7 - (nps + rng.Next(-2, 3)) * 6 / 10, 1, 7).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                if (rng.NextDouble() < 0.40)
                {
                    var count = rng.Next(0, 3);
                    for (var t = 0; t < count; t++) themes[t] = Themes[rng.Next(Themes.Length)];
                    WriteQuoted(writer, CommentWriter.Write(rng, new ArraySegment<CommentTheme>(themes, 0, count), nps, Products));
                }

                writer.Write('\n');
            }
        }

        var accountRows = 0L;
        using (var writer = Open(accountsPath))
        {
            writer.Write("account_id,name,segment,region,industry,created_at,owner\n");
            for (var a = 0; a < pool; a++)
            {
                if (!referenced[a]) continue;
                accountRows++;
                writer.Write(AccountId(a));
                writer.Write(",Customer ");
                writer.Write((a + 1).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Segments[rng.Next(Segments.Length)]);
                writer.Write(',');
                writer.Write(Regions[rng.Next(Regions.Length)]);
                writer.Write(',');
                writer.Write(Industries[rng.Next(Industries.Length)]);
                writer.Write(',');
                writer.Write(new DateOnly(2015, 1, 1).AddDays(rng.Next(0, 8 * 365)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Owners[rng.Next(Owners.Length)]);
                writer.Write('\n');
            }
        }

        return new Files(responsesPath, accountsPath, rows, accountRows, new FileInfo(responsesPath).Length);
    }

    private static string AccountId(int index) => "ACC-" + (index + 1).ToString("D7", CultureInfo.InvariantCulture);

    private static int Pick(Random rng, int[] weights, int total)
    {
        var x = rng.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }

        return weights.Length - 1;
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);

    /// <summary>RFC 4180: always quoted, embedded quotes doubled.</summary>
    private static void WriteQuoted(StreamWriter writer, string value)
    {
        writer.Write('"');
        if (value.Contains('"', StringComparison.Ordinal)) writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        else writer.Write(value);
        writer.Write('"');
    }
}
