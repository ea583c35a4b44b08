using Fulcrum.Bench.EndToEnd;
using Fulcrum.Bench.Micro;

namespace Fulcrum.Bench;

/// <summary>
/// Entry point of the benchmark project:
/// <c>micro [BenchmarkDotNet args]</c> runs the BenchmarkDotNet micro-benchmarks (all of them unless a --filter is given);
/// <c>e2e [--accounts N] [--rows N] [--out FILE]</c> runs the end-to-end generator and import harness;
/// <c>analytics --db PATH [--out FILE]</c> times the analyses on an existing store;
/// <c>web --db PATH [...]</c> measures API latency and webhook intake throughput on loopback.
/// <c>business-case --db PATH [--resamples N] [--out FILE]</c> times linkage + business case on an existing store.
/// <c>value --db PATH [--out FILE]</c> times the value-delivered analyses (initiatives, references, closed loop, ledger).
/// <c>themes-accuracy --db PATH</c> measures theme discovery against a demo store's planted comment themes.
/// <c>backends --postgres URL [--accounts N] [--out FILE]</c> runs load, import, facts and analyses on DuckDB and PostgreSQL side by side.
/// <c>export-renewals --db PATH --out FILE.csv</c> and <c>sql --db PATH --query SQL</c> serve bench/scripts/side-by-side.sh.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = args.Length == 0 ? "" : args[0].ToLowerInvariant();
        var rest = args.Skip(1).ToArray();
        switch (mode)
        {
            case "micro":
                return MicroBenchmarks.Run(rest);
            case "e2e":
                return EndToEndHarness.Run(rest);
            case "analytics":
                return AnalyticsBenchmark.Run(rest);
            case "web":
                return Web.WebBenchmark.RunAsync(rest).GetAwaiter().GetResult();
            case "business-case":
                return BusinessCaseBenchmark.Run(rest);
            case "value":
                return ValueBenchmark.Run(rest);
            case "themes":
                return ThemesBenchmark.Run(rest);
            case "report":
                return ReportBenchmark.Run(rest).GetAwaiter().GetResult();
            case "themes-accuracy":
                return ThemesAccuracy.Run(rest);
            case "backends":
                return BackendsBenchmark.Run(rest);
            case "export-renewals":
                return SideBySide.ExportRenewals(rest);
            case "sql":
                return SideBySide.Sql(rest);
            case "embed":
                return Sentiment.EmbedTexts.Run(rest);
            default:
                Console.Error.WriteLine("""
                    usage:
                      dotnet run -c Release --project bench/Fulcrum.Bench -- micro [BenchmarkDotNet args, e.g. --filter *Comment*]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- e2e [--accounts 100000] [--rows 1000000] [--out docs/benchmarks.md]
                                                                                [--skip-generate] [--skip-import] [--temp DIR]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- analytics --db big.duckdb [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- web --db big.duckdb [--requests 200] [--concurrency 4] [--intake 5000] [--batch 100] [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- business-case --db big.duckdb [--resamples 1000] [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- report --db big.duckdb [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- value --db big.duckdb [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- backends --postgres postgres://USER@HOST/DB [--accounts 100000] [--import-rows 200000] [--out docs/benchmarks.md]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- themes [--accounts 10000] [--minilm-texts 1000] [--tweets ../shared/data/twitter-airline-sentiment/Tweets.csv] [--fast-only | --minilm-full]
                      dotnet run -c Release --project bench/Fulcrum.Bench -- themes-accuracy --db demo.duckdb [--fast] [--merge 0.6] [--clusters N] [--no-impact]
                    """);
                return mode is "" or "-h" or "--help" or "help" ? 0 : 2;
        }
    }
}
