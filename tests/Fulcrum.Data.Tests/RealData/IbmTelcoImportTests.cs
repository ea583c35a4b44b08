using System.Globalization;
using Fulcrum.Data.Import;
using Fulcrum.Data.Tests.Import;

namespace Fulcrum.Data.Tests.RealData;

/// <summary>
/// `fulcrum import all Telco_customer_churn_status.csv --mapping mappings/ibm-telco.yaml` on IBM's extended Telco sample
/// (the status file joined to services, demographics, location and ZIP population), imported once and re-imported once.
/// Expected numbers come from the data set's README or are recounted here from the CSVs with CsvHelper.
/// </summary>
public sealed class IbmTelcoImportFixture : IDisposable
{
    public IbmTelcoImportFixture()
    {
        var folder = RealDataSets.Telco;
        File = RealDataSets.DataFile(folder, "Telco_customer_churn_status.csv");
        Mapping = RealDataSets.Mapping("ibm-telco.yaml");
        Services = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_services.csv"));
        Locations = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_location.csv"));
        Population = RealDataSets.ReadCsv(RealDataSets.DataFile(folder, "Telco_customer_churn_population.csv"));
        Workspace = new ImportWorkspace();
        First = Workspace.Import("all", File, Mapping);
        CountsAfterFirst = Workspace.Counts();
        Second = Workspace.Import("all", File, Mapping);
    }

    public string File { get; }
    public string Mapping { get; }
    public List<Dictionary<string, string>> Services { get; }
    public List<Dictionary<string, string>> Locations { get; }
    public List<Dictionary<string, string>> Population { get; }
    internal ImportWorkspace Workspace { get; }
    public ImportResult First { get; }
    public ImportResult Second { get; }
    public IReadOnlyDictionary<string, long> CountsAfterFirst { get; }

    public void Dispose() => Workspace.Dispose();
}

public sealed class IbmTelcoImportTests(IbmTelcoImportFixture data) : IClassFixture<IbmTelcoImportFixture>
{
    const int Customers = 7_043;

    ImportWorkspace Ws => data.Workspace;

    [Fact]
    public void Import_commits_without_rejects()
    {
        Assert.True(data.First.Status == ImportStatus.Committed && data.First.Rejects.Count == 0,
            $"{data.First.Status}, {data.First.Rejects.Count} rejects, e.g. {string.Join("; ", data.First.Rejects.Take(3))}");
        Assert.Equal(Customers, data.First.RowsRead);
    }

    [Fact]
    public void Every_customer_becomes_an_account()
    {
        Assert.Equal(Customers, data.CountsAfterFirst["accounts"]);
        Assert.Equal(Customers, ImportAssert.Table(data.First, "accounts").Inserted);
    }

    [Fact]
    public void Every_customer_has_one_csat_response_with_the_readme_distribution()
    {
        Assert.Equal(Customers, data.CountsAfterFirst["responses"]);
        var distribution = Ws.Store.Query<(double Csat, long N)>("SELECT csat, COUNT(*) FROM responses GROUP BY 1 ORDER BY 1").ToList();
        Assert.Equal([(1.0, 922L), (2.0, 518L), (3.0, 2_665L), (4.0, 1_789L), (5.0, 1_149L)], distribution);
        Assert.Equal(0, Ws.Scalar<long>("SELECT COUNT(*) FROM responses WHERE nps IS NOT NULL OR ces IS NOT NULL"));
        Assert.Equal(new DateTime(2022, 9, 30), Ws.Scalar<DateTime>("SELECT DISTINCT responded_at FROM responses"));
    }

    [Fact]
    public void Churned_and_stayed_customers_become_outcomes_and_joined_ones_are_filtered()
    {
        var kinds = Ws.Store.Query<(string Kind, long N)>("SELECT kind, COUNT(*) FROM outcomes GROUP BY 1 ORDER BY 1").ToList();
        Assert.Equal([("churn", 1_869L), ("renewal", 4_720L)], kinds);
        Assert.Equal(454, ImportAssert.Table(data.First, "outcomes").Filtered);
        Assert.Equal(0, Ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'churn' AND arr_after <> 0"));
        Assert.Equal(0, Ws.Scalar<long>("SELECT COUNT(*) FROM outcomes WHERE kind = 'renewal' AND arr_after <> arr_before"));
    }

    [Fact]
    public void Outcome_arr_is_twelve_times_the_monthly_charge()
    {
        var expected = data.Services.ToDictionary(s => s["Customer ID"], s => double.Parse(s["Monthly Charge"], CultureInfo.InvariantCulture) * 12);
        var stored = Ws.Store.Query<(string Account, double Arr)>("SELECT account_id, arr_before FROM outcomes").ToList();
        Assert.All(stored, o => Assert.Equal(expected[o.Account], o.Arr, 6));
    }

    [Fact]
    public void Subscriptions_per_product_match_the_services_file()
    {
        var expected = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["Phone"] = data.Services.Count(s => s["Phone Service"] == "Yes"),
        };
        foreach (var g in data.Services.Where(s => s["Internet Service"] == "Yes").GroupBy(s => s["Internet Type"]))
            expected[$"Internet ({g.Key})"] = g.Count();

        var stored = Ws.Store.Query<(string Product, long N)>("SELECT product, COUNT(*) FROM subscriptions GROUP BY 1")
            .ToDictionary(r => r.Product, r => r.N);

        Assert.Equal(expected, new SortedDictionary<string, long>(stored, StringComparer.Ordinal));
        Assert.Equal(4, expected.Count);
    }

    [Fact]
    public void Subscription_arr_splits_the_monthly_charge_between_phone_and_internet()
    {
        var services = data.Services.ToDictionary(s => s["Customer ID"]);
        var stored = Ws.Store.Query<(string Account, string Product, double Arr)>("SELECT account_id, product, arr FROM subscriptions").ToList();
        Assert.All(stored, s =>
        {
            var row = services[s.Account];
            var both = row["Phone Service"] == "Yes" && row["Internet Service"] == "Yes";
            Assert.Equal(double.Parse(row["Monthly Charge"], CultureInfo.InvariantCulture) * 12 / (both ? 2 : 1), s.Arr, 6);
        });
    }

    [Fact]
    public void Account_start_is_the_snapshot_date_minus_tenure()
    {
        var snapshot = new DateOnly(2022, 9, 30);
        var expected = data.Services.ToDictionary(s => s["Customer ID"],
            s => snapshot.AddMonths(-int.Parse(s["Tenure in Months"], CultureInfo.InvariantCulture)).ToDateTime(TimeOnly.MinValue));
        var stored = Ws.Store.Query<(string Account, DateTime Created)>("SELECT account_id, created_at FROM accounts").ToList();
        Assert.Equal(Customers, stored.Count);
        Assert.All(stored, a => Assert.Equal(expected[a.Account], a.Created));
        Assert.Equal(0, Ws.Scalar<long>(
            "SELECT COUNT(*) FROM subscriptions s JOIN accounts a USING (account_id) WHERE s.start_date <> a.created_at"));
    }

    [Fact]
    public void Referrals_become_one_reference_request_per_friend_referred()
    {
        var expected = data.Services.Where(s => s["Referred a Friend"] == "Yes")
            .Sum(s => long.Parse(s["Number of Referrals"], CultureInfo.InvariantCulture));

        Assert.Equal(expected, data.CountsAfterFirst["reference_requests"]);
        var first = data.Services.First(s => s["Referred a Friend"] == "Yes");
        var id = first["Customer ID"];
        Assert.Equal(Enumerable.Range(1, int.Parse(first["Number of Referrals"], CultureInfo.InvariantCulture)).Select(i => $"{id}-referral-{i}"),
            Ws.Store.Query<string>("SELECT reference_id FROM reference_requests WHERE account_id = $id ORDER BY reference_id", new { id }));
    }

    [Fact]
    public void Account_attributes_carry_the_zip_population_from_the_joined_files()
    {
        var populationByZip = data.Population.ToDictionary(p => p["Zip Code"], p => p["Population"]);
        var expected = data.Locations.ToDictionary(l => l["Customer ID"], l => (Zip: l["Zip Code"], Population: populationByZip.GetValueOrDefault(l["Zip Code"])));
        var stored = Ws.Store.Query<(string Account, string? Zip, string? Population)>(
            "SELECT account_id, json_extract_string(attributes, '$.\"Zip Code\"'), json_extract_string(attributes, '$.Population') FROM accounts").ToList();

        Assert.Equal(Customers, stored.Count);
        Assert.All(stored, a => Assert.Equal(expected[a.Account], (a.Zip!, a.Population)));
        Assert.True(stored.Count(a => a.Population is not null) > Customers * 0.99, "nearly every ZIP should have a population");
    }

    [Fact]
    public void Account_attributes_keep_demographics_and_services()
    {
        var attributes = Ws.Scalar<string>("SELECT CAST(attributes AS VARCHAR) FROM accounts WHERE account_id = '8779-QRDMV'");
        foreach (var expected in new[] { "\"Gender\":\"Male\"", "\"Age\":\"78\"", "\"Internet Type\":\"DSL\"", "\"CLTV\":\"5433\"", "\"Population\":" })
            Assert.Contains(expected, attributes, StringComparison.Ordinal);
    }

    [Fact]
    public void Reimport_changes_nothing()
    {
        ImportAssert.Committed(data.Second);
        Assert.Equal((0L, 0L), (data.Second.Inserted, data.Second.Updated));
        var now = Ws.Counts();
        foreach (var table in Fulcrum.Data.Schema.CanonicalSchema.Tables.Select(t => t.Name))
            Assert.Equal(data.CountsAfterFirst[table], now[table]);
    }
}
