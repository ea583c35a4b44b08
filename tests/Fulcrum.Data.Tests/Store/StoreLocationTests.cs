using Fulcrum.Data.Store;
using Npgsql;

namespace Fulcrum.Data.Tests.Store;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_file_path_is_a_DuckDB_store_at_its_full_path()
    {
        var location = StoreLocation.Parse("data/fulcrum.duckdb");
        Assert.Equal(StoreBackend.DuckDb, location.Backend);
        Assert.Equal(Path.GetFullPath("data/fulcrum.duckdb"), location.Target);
        Assert.Equal("fulcrum.duckdb", location.ShortName);
    }

    [Fact]
    public void A_postgres_url_becomes_a_connection_string_and_is_shown_without_its_password()
    {
        var location = StoreLocation.Parse("postgres://cx%40team:s3cr%3At@db.internal:6543/fulcrum?sslmode=require");
        Assert.Equal(StoreBackend.PostgreSql, location.Backend);
        var builder = new NpgsqlConnectionStringBuilder(location.Target);
        Assert.Equal(("db.internal", 6543, "fulcrum", "cx@team", "s3cr:t", SslMode.Require),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
        Assert.Equal("postgres://cx@team@db.internal:6543/fulcrum", location.Display);
        Assert.DoesNotContain("s3cr", location.Display, StringComparison.Ordinal);
        Assert.Equal("fulcrum", location.ShortName);
    }

    [Fact]
    public void A_connection_string_is_a_PostgreSQL_store()
    {
        var location = StoreLocation.Parse("Host=localhost;Port=5433;Database=cx;Username=fulcrum;Password=hunter2");
        Assert.True(location.IsPostgres);
        Assert.Equal("postgres://fulcrum@localhost:5433/cx", location.Display);
    }

    [Theory]
    [InlineData("postgres://localhost:5432/", "no Database")]
    [InlineData("Host=localhost;Username=x", "no Database")]
    [InlineData("postgres://localhost/db?frobnicate=1", "Unknown PostgreSQL URL option 'frobnicate'")]
    [InlineData("", "No database given")]
    public void A_bad_location_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<StoreException>(() => StoreLocation.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
