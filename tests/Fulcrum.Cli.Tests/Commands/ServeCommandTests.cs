namespace Fulcrum.Cli.Tests.Commands;

/// <summary>`fulcrum serve`: help and option checks (the server itself is tested in Fulcrum.Web.Tests).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_has_help() => Assert.Equal(0, FulcrumApp.Run(["serve", "--help"]));

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1:21")]
    public void Serve_refuses_a_bad_url(string urls) => Assert.NotEqual(0, FulcrumApp.Run(["serve", "--urls", urls, "--db", Path.Combine(Path.GetTempPath(), "never-created.duckdb")]));
}
