using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Data.Store;

namespace Fulcrum.Bench.EndToEnd;

/// <summary>
/// The two halves of bench/scripts/side-by-side.sh that need .NET: exporting the very renewals Fulcrum's linkage fits
/// (with its cells' levels and baselines) for the statsmodels script, and running raw SQL on DuckDB with nothing of
/// Fulcrum in between (the baseline the metrics command is measured against).
/// </summary>
public static class SideBySide
{
    /// <summary><c>export-renewals --db PATH --out FILE.csv [--soft nps]</c>: one row per renewal with its account and factor levels, and FILE.baselines.json.</summary>
    public static int ExportRenewals(string[] args)
    {
        var db = Option(args, "--db") ?? throw new ArgumentException("--db PATH is required.");
        var output = Option(args, "--out") ?? throw new ArgumentException("--out FILE.csv is required.");
        var soft = (Option(args, "--soft") ?? "nps").Split(',').Select(s => Enum.Parse<SoftMetric>(s, ignoreCase: true)).ToHashSet();
        using var store = FulcrumStore.Open(db);
        var d = LinkageDataset.Load(new AnalysisFacts(store), new LinkageOptions { SoftMetrics = soft });
        var space = d.ChurnSpace;
        using (var w = new StreamWriter(output))
        {
            w.WriteLine(string.Join(",", new[] { "account", "churned" }.Concat(space.Factors.Select(f => f.Name)).Concat(space.NumericColumns)));
            var line = new StringBuilder();
            for (var i = 0; i < d.EventCell.Length; i++)
            {
                line.Clear().Append(d.EventAccount[i]).Append(',').Append(d.Churned[i] ? '1' : '0');
                var levels = space.LevelsOf(d.EventCell[i]);
                for (var f = 0; f < space.Factors.Count; f++) line.Append(',').Append(space.Factors[f].Levels[levels[f]]);
                foreach (var v in space.NumericOf(d.EventCell[i])) line.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
                w.WriteLine(line);
            }
        }
        var baselines = space.Factors.ToDictionary(f => f.Name, f => f.Levels[f.Baseline]);
        File.WriteAllText(Path.ChangeExtension(output, ".baselines.json"), JsonSerializer.Serialize(baselines));
        Console.WriteLine($"{d.EventCell.Length:N0} renewals of {d.Accounts:N0} accounts → {output}");
        return 0;
    }

    /// <summary><c>sql --db PATH --query SQL [--out FILE.csv]</c>: the query on a read-only DuckDB connection; rows as CSV, then the seconds it took.</summary>
    public static int Sql(string[] args)
    {
        var db = Option(args, "--db") ?? throw new ArgumentException("--db PATH is required.");
        var sql = Option(args, "--query") ?? throw new ArgumentException("--query SQL is required.");
        var output = Option(args, "--out");
        var watch = Stopwatch.StartNew();
        using var connection = new DuckDBConnection($"Data Source={db};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        using var w = output is null ? Console.Out : new StreamWriter(output);
        w.WriteLine(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
        var rows = 0;
        while (reader.Read())
        {
            rows++;
            w.WriteLine(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows} rows in {watch.Elapsed.TotalSeconds:F3} s (open + query + read)"));
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
