namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum drivers` run in-process against a temporary database.</summary>
public sealed class DriversCommandTests : IDisposable
{
    readonly string _directory = Directory.CreateTempSubdirectory("fulcrum-drivers-").FullName;
    string Db => Path.Combine(_directory, "test.duckdb");

    [Fact]
    public void Drivers_has_help() => Assert.Equal(0, FulcrumApp.Run(["drivers", "--help"]));

    [Fact]
    public void Drivers_run_on_a_generated_company_in_tables_and_json()
    {
        Assert.Equal(0, FulcrumApp.Run(["generate", "--accounts", "400", "--seed", "5", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--replicates", "200", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--outcome", "csat", "--predictors", "ces,tickets,products", "--method", "shapley", "--replicates", "200", "--json", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--level", "account-period", "--from", "2024-01-01", "--replicates", "200", "--db", Db]));
        Assert.Equal(0, FulcrumApp.Run(["drivers", "--within-account", "--predictors", "products,ces,tenure_months", "--replicates", "200", "--db", Db]));
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", "--predictors", "ces,rattr:missing", "--db", Db]));
    }

    [Theory]
    [InlineData("--outcome", "churn")]
    [InlineData("--predictors", "ces,happiness")]
    [InlineData("--predictors", "ces,nps")]
    [InlineData("--method", "magic")]
    [InlineData("--level", "team")]
    [InlineData("--replicates", "5")]
    [InlineData("--from", "2024-13-01")]
    public void Drivers_options_are_validated_with_a_clear_error(params string[] args)
    {
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", .. args, "--db", Db]));
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("model", "churn ~ attr:Tenure +")]
    [InlineData("model", "happiness ~ attr:Tenure")]
    [InlineData("model", "churn ~ shoe_size")]
    [InlineData("linkage", "--controls", "attr:Tenure,colour")]
    [InlineData("linkage", "--outcome", "happiness")]
    public void Own_model_formulas_and_controls_are_validated_before_anything_runs(params string[] args)
    {
        using var capture = new ConsoleCapture();
        Assert.Equal(FulcrumApp.UsageError, FulcrumApp.Run([.. args, "--db", Db]));
        Assert.Contains("Error", capture.Spectre);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Drivers_for_churn_points_to_the_own_model_commands()
    {
        using var capture = new ConsoleCapture();
        Assert.NotEqual(0, FulcrumApp.Run(["drivers", "--outcome", "churn", "--db", Db]));
        Assert.Contains("fulcrum model", capture.Spectre);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
