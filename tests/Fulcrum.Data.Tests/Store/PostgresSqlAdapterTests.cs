using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Tests.Store;

public sealed class PostgresSqlAdapterTests
{
    [Theory]
    [InlineData("SELECT * FROM t WHERE a = $name AND b = $b2", "SELECT * FROM t WHERE a = @name AND b = @b2")]
    [InlineData("SELECT '$name', \"$odd\" FROM t WHERE x = $x", "SELECT '$name', \"$odd\" FROM t WHERE x = @x")]
    [InlineData("SELECT 'it''s $a' || $b", "SELECT 'it''s $a' || @b")]
    [InlineData("SELECT CAST(SUM(n) AS DOUBLE), CAST(x AS DOUBLE PRECISION)", "SELECT CAST(SUM(n) AS DOUBLE PRECISION), CAST(x AS DOUBLE PRECISION)")]
    [InlineData("SELECT CAST($j AS JSON)", "SELECT CAST(@j AS JSONB)")]
    [InlineData("SELECT unnest(string_split($ids, chr(31)))", "SELECT unnest(string_to_array(@ids, chr(31)))")]
    [InlineData("SELECT to_base64(vector) FROM e", "SELECT encode(vector, 'base64') FROM e")]
    [InlineData("CREATE OR REPLACE TEMP TABLE x AS SELECT 1", "DROP TABLE IF EXISTS x; CREATE TEMP TABLE x AS SELECT 1")]
    [InlineData("CREATE OR REPLACE TABLE facts_a AS SELECT 1", "DROP TABLE IF EXISTS facts_a; CREATE TABLE facts_a AS SELECT 1")]
    public void DuckDB_spellings_become_PostgreSQL(string duckDb, string postgres) =>
        Assert.Equal(postgres, SqlDialect.PostgreSql.Adapt(duckDb));

    [Fact]
    public void Averages_are_taken_as_double_precision_including_nested_ones_and_literals_with_parentheses()
    {
        Assert.Equal("SELECT AVG(CAST(CASE WHEN s = ')' THEN nps END AS DOUBLE PRECISION)), avg(DISTINCT CAST(x AS DOUBLE PRECISION))",
            SqlDialect.PostgreSql.Adapt("SELECT AVG(CASE WHEN s = ')' THEN nps END), avg(DISTINCT x)"));
        Assert.Equal("SELECT 1 - AVG(CAST(a + AVG(CAST(b AS DOUBLE PRECISION)) AS DOUBLE PRECISION)) FROM t",
            SqlDialect.PostgreSql.Adapt("SELECT 1 - AVG(a + AVG(b)) FROM t"));
        Assert.Equal("SELECT my_avg(x)", SqlDialect.PostgreSql.Adapt("SELECT my_avg(x)"));
    }

    [Fact]
    public void DuckDB_sql_is_left_as_written() =>
        Assert.Equal("SELECT AVG(x), CAST(y AS DOUBLE) WHERE z = $z", SqlDialect.DuckDb.Adapt("SELECT AVG(x), CAST(y AS DOUBLE) WHERE z = $z"));
}
