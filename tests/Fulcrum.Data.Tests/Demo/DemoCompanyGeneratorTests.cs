using Fulcrum.Data.Demo;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Demo;

/// <summary>
/// Determinism and replacement: the same options give the same data row for row, another seed gives other data,
/// and generating again into a store replaces what it held. Uses small throw-away companies, not the shared one.
/// </summary>
public sealed class DemoCompanyGeneratorTests
{
    static readonly DemoCompanyOptions Small = new(Accounts: 300, Years: 3, Seed: 42);

    /// <summary>Digest of a fresh generation of <see cref="Small"/>, computed once for the tests that compare against it.</summary>
    static readonly Lazy<Dictionary<string, (long Rows, string Digest)>> FreshSmall = new(() => GenerateAndDigest(Small));

    /// <summary>Every table the generator writes. (assumptions is seeded when the store opens, with the current time.)</summary>
    static readonly string[] GeneratedTables =
    [
        "accounts", "subscriptions", "responses", "tickets", "outcomes", "reference_requests", "opportunities",
        "initiatives", "followups", "ground_truth", "store_metadata",
    ];

    /// <summary>Per table: row count and an order-independent digest (sum of per-row hashes over every column).</summary>
    static Dictionary<string, (long Rows, string Digest)> Digest(FulcrumStore store)
    {
        var digests = new Dictionary<string, (long, string)>();
        foreach (var table in GeneratedTables)
        {
            var columns = store.Query<string>(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = $table ORDER BY ordinal_position",
                new { table }).ToList();
            Assert.NotEmpty(columns);
            var row = store.Query<(long Rows, string Digest)>(
                $"SELECT COUNT(*), CAST(COALESCE(SUM(hash({string.Join(", ", columns.Select(FulcrumStore.Quote))})), 0) AS VARCHAR) FROM {table}").Single();
            digests[table] = row;
        }
        return digests;
    }

    static Dictionary<string, (long Rows, string Digest)> GenerateAndDigest(DemoCompanyOptions options)
    {
        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, options);
        return Digest(store);
    }

    static void AssertSameTables(Dictionary<string, (long Rows, string Digest)> expected, Dictionary<string, (long Rows, string Digest)> actual)
    {
        foreach (var table in GeneratedTables)
            Assert.True(expected[table] == actual[table],
                $"{table}: expected {expected[table].Rows} rows / digest {expected[table].Digest}, got {actual[table].Rows} rows / digest {actual[table].Digest}");
    }

    [Fact]
    public void Same_options_generate_identical_table_contents()
    {
        var first = FreshSmall.Value;
        var second = GenerateAndDigest(Small);

        foreach (var table in new[] { "accounts", "subscriptions", "responses", "tickets", "outcomes", "reference_requests", "opportunities", "initiatives", "ground_truth" })
            Assert.True(first[table].Rows > 0, $"{table} is empty");
        AssertSameTables(first, second);
    }

    [Fact]
    public void A_different_seed_generates_different_data()
    {
        var seed42 = FreshSmall.Value;
        var seed43 = GenerateAndDigest(Small with { Seed = 43 });

        foreach (var table in new[] { "accounts", "subscriptions", "responses", "tickets", "outcomes", "reference_requests", "opportunities", "ground_truth" })
            Assert.NotEqual(seed42[table].Digest, seed43[table].Digest);
        // The initiatives are fixed; only the simulated company changes.
        Assert.Equal(seed42["initiatives"], seed43["initiatives"]);
    }

    [Fact]
    public void Generating_again_into_the_same_store_replaces_its_contents()
    {
        var fresh = FreshSmall.Value;

        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, Small with { Seed = 7, Accounts = 400 });
        var result = DemoCompanyGenerator.Generate(store, Small);
        var again = Digest(store);

        AssertSameTables(fresh, again);
        Assert.Equal(Small.Accounts, result.Accounts);
        Assert.Equal(fresh["responses"].Rows, result.Responses);
        Assert.Equal(fresh["tickets"].Rows, result.Tickets);
    }

    [Fact]
    public void Generating_the_same_company_twice_into_one_store_leaves_no_duplicates()
    {
        var fresh = FreshSmall.Value;

        using var store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(store, Small);
        DemoCompanyGenerator.Generate(store, Small);

        AssertSameTables(fresh, Digest(store));
    }
}
