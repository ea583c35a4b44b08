using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Linkage.FitCache;
using Fulcrum.Analytics.Themes;
using Fulcrum.Data.Demo;
using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Tests.Linkage;

/// <summary>
/// The linkage fit is made once per data and options and stored: the next business case, linkage or theme impact reads
/// it (no bootstrap, no cross-validation) and gives exactly the figures of a fresh fit; other assumptions re-value the
/// stored fit; an import that changes the modelling rows misses the cache and refits. On DuckDB and PostgreSQL.
/// </summary>
public abstract class LinkageFitCacheTests : IDisposable
{
    static readonly LinkageOptions Options = new() { Resamples = 200 };

    static readonly JsonSerializerOptions Exact = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    static readonly DemoCompanyOptions Company = new(1_500, 3, 11);

    readonly FulcrumStore _store;

    /// <remarks>
    /// On PostgreSQL each test copies one generation of the company per test process (generating into PostgreSQL was most of
    /// a test's time). DuckDB generates in memory for each test: analyses on a file copy of a template took longer than that.
    /// </remarks>
    protected LinkageFitCacheTests(StoreBackend backend)
    {
        if (backend == StoreBackend.PostgreSql)
        {
            _store = FulcrumStore.Open(DemoCompanyTemplates.PostgresDatabase(Company, "fulcrum_fitcache"));
            return;
        }
        _store = FulcrumStore.Open(":memory:");
        DemoCompanyGenerator.Generate(_store, Company);
    }

    BusinessCaseRun BusinessCase() => BusinessCaseAnalysis.Run(new AnalysisFacts(_store), Options);

    /// <summary>Every figure of the report, doubles written exactly (round-trip), so equal text means equal figures.</summary>
    static string Figures(BusinessCaseReport report) => JsonSerializer.Serialize(report, Exact);

    [Fact]
    public void The_second_business_case_reads_the_stored_fit_and_reports_the_same_figures_as_a_fresh_fit()
    {
        var first = BusinessCase();
        var second = BusinessCase();
        Assert.Equal(LinkageFitSource.Fitted, first.Linkage.FitSource);
        Assert.Equal(LinkageFitSource.Stored, second.Linkage.FitSource);
        Assert.Equal(Figures(first.Report), Figures(second.Report));
        Assert.True(second.Report.Linkage.Quality.Auc.IsDefined); // the cross-validation came back from the store too
        Assert.Equal(1L, _store.Scalar<long>("SELECT COUNT(*) FROM linkage_fits"));

        _store.Execute("DELETE FROM linkage_fits");
        var fresh = BusinessCase();
        Assert.Equal(LinkageFitSource.Fitted, fresh.Linkage.FitSource);
        Assert.Equal(Figures(fresh.Report), Figures(second.Report));
    }

    [Fact]
    public void Other_assumptions_revalue_the_stored_fit_as_the_sliders_do()
    {
        var before = BusinessCase();
        var slider = BusinessCaseAnalysis.Revalue(before, new Dictionary<string, double> { ["gross_margin"] = 0.55 });
        var version = _store.DataVersion();
        new AssumptionStore(_store).Set("gross_margin", 0.55); // bumps the data version, changes no modelling input
        Assert.True(_store.DataVersion() > version);

        var after = BusinessCase();
        Assert.Equal(LinkageFitSource.Stored, after.Linkage.FitSource);
        Assert.NotEqual(Npv(before.Report), Npv(after.Report));
        Assert.Equal(Npv(slider), Npv(after.Report), 9);
    }

    static double Npv(BusinessCaseReport report) =>
        report.Levers.OrderBy(r => r.Lever.Id, StringComparer.Ordinal).First().Horizons.First(h => h.Months == report.HorizonMonths).Npv.Value;

    [Fact]
    public void An_import_that_changes_the_renewals_misses_the_cache_and_refits()
    {
        var before = BusinessCase();
        var (account, day, arr) = _store.Query<(string, DateTime, double)>(
            "SELECT account_id, CAST(outcome_date AS TIMESTAMP), arr_before FROM outcomes WHERE kind = 'renewal' ORDER BY outcome_date DESC, account_id LIMIT 1").First();
        var file = Path.Combine(Path.GetTempPath(), $"fitcache-outcomes-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(file, "account_id,outcome_date,kind,arr_before,arr_after\n"
                + string.Create(CultureInfo.InvariantCulture, $"{account},{day.AddDays(-1):yyyy-MM-dd},churn,{arr},0\n"));
            var import = new Importer(_store).Run(new ImportRequest("outcomes", file));
            Assert.Equal(ImportStatus.Committed, import.Status);
        }
        finally { File.Delete(file); }

        var after = BusinessCase();
        Assert.Equal(LinkageFitSource.Fitted, after.Linkage.FitSource);
        Assert.Equal(before.Report.Linkage.Data.Renewals + 1, after.Report.Linkage.Data.Renewals);
        // The stale fit of the older data is dropped when the new one is stored.
        Assert.Equal(1L, _store.Scalar<long>("SELECT COUNT(*) FROM linkage_fits"));
    }

    [Fact]
    public void Theme_impact_makes_the_fit_that_the_business_case_then_reads()
    {
        PlantTheme();
        var impact = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: Options.Resamples));
        Assert.NotEmpty(impact.Themes);
        var run = BusinessCase();
        Assert.Equal(LinkageFitSource.Stored, run.Linkage.FitSource);
        Assert.Contains(run.Report.Linkage.ThemeChurn, t => t.ThemeId == "TFIT");
    }

    [Fact]
    public void The_business_case_read_off_theme_impacts_fit_is_the_standalone_business_case()
    {
        PlantTheme();
        var levers = new BusinessCaseLevers();
        var shared = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: Options.Resamples), levers.Build);
        Assert.NotNull(shared.Linkage);
        Assert.Equal(LinkageFitSource.Fitted, shared.Linkage.FitSource);
        var fromThemeImpact = BusinessCaseAnalysis.On(shared.Linkage, levers, Options, shared.Report.Kinds);
        Assert.Equal(0.90, fromThemeImpact.Report.ConfidenceLevel);

        // A standalone business case reads the fit theme impact stored: every figure identical, intervals at its 90%.
        var standalone = BusinessCase();
        Assert.Equal(LinkageFitSource.Stored, standalone.Linkage.FitSource);
        Assert.NotEmpty(standalone.Report.Levers);
        Assert.Equal(Figures(standalone.Report), Figures(fromThemeImpact.Report));
        // Valuing the levers too leaves the theme figures as they are.
        var alone = ThemeImpactAnalysis.Run(_store, new ThemeImpactOptions(Replicates: Options.Resamples));
        Assert.Equal(JsonSerializer.Serialize(alone, Exact), JsonSerializer.Serialize(shared.Report, Exact));
        Assert.Equal(1L, _store.Scalar<long>("SELECT COUNT(*) FROM linkage_fits"));
    }

    [Fact]
    public void Levers_a_linkage_run_did_not_value_are_refused()
    {
        var run = BusinessCase();
        Assert.Throws<ArgumentException>(() => BusinessCaseAnalysis.On(run.Linkage, new BusinessCaseLevers(), Options, run.ThemeKinds));
    }

    /// <summary>One theme raised in the comments of every fifth commenting account, stored as `fulcrum themes` would.</summary>
    void PlantTheme()
    {
        var now = DateTime.UtcNow;
        _store.Execute("""
            INSERT INTO themes (theme_id, label, origin, model, dimension, centroid, created_at, updated_at)
            VALUES ('TFIT', 'Planted for the fit cache', 'defined', 'test', 1, $centroid, $now, $now)
            """, new { centroid = new byte[4], now });
        var responses = _store.Query<string>("""
            SELECT response_id FROM responses
            WHERE comment IS NOT NULL AND account_id IN (SELECT account_id FROM accounts ORDER BY account_id LIMIT 300)
            ORDER BY response_id
            """).ToList();
        Assert.NotEmpty(responses);
        using var transaction = _store.BeginTransaction();
        foreach (var id in responses)
            _store.Execute("INSERT INTO response_themes (response_id, theme_id, similarity, sentiment, is_primary) VALUES ($id, 'TFIT', 0.9, -0.5, true)",
                new { id }, transaction);
        transaction.Commit();
    }

    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class LinkageFitCacheTestsOnDuckDb() : LinkageFitCacheTests(StoreBackend.DuckDb);

public sealed class LinkageFitCacheTestsOnPostgreSql() : LinkageFitCacheTests(StoreBackend.PostgreSql);
