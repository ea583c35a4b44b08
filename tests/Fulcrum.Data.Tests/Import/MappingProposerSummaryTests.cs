using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>`fulcrum map`'s summary: counts that were capped say so, and each thing to fix is listed once.</summary>
public sealed class MappingProposerSummaryTests
{
    [Fact]
    public void A_distinct_count_that_hit_the_cap_reads_as_over_the_cap_and_one_at_the_cap_as_exact()
    {
        using var ws = new ImportWorkspace();
        var lines = Enumerable.Range(0, 2_500).Select(i => $"c{i},{i},{i % 2_000}").Prepend("Customer ID,Lifetime Value,Code");
        var file = ws.WriteLines("values.csv", lines.ToArray());

        var columns = MappingProposer.Propose(file).Columns.ToDictionary(c => c.Name);

        Assert.True(columns["Lifetime Value"].DistinctCapped);
        Assert.Equal("over 2,000", columns["Lifetime Value"].DistinctLabel);
        Assert.False(columns["Code"].DistinctCapped);
        Assert.Equal("2,000", columns["Code"].DistinctLabel);
    }

    [Fact]
    public void A_missing_customer_column_is_one_TODO_however_many_tables_need_it()
    {
        using var ws = new ImportWorkspace();
        var file = ws.WriteLines("answers.csv", "Ref,Satisfaction,Churned,Comment", "a,3,Yes,ok", "b,5,No,good", "c,1,Yes,bad");

        var proposal = MappingProposer.Propose(file);

        Assert.Single(proposal.Todos, t => t.StartsWith("account_id", StringComparison.Ordinal));
        Assert.Equal(proposal.Todos.Count, proposal.Todos.Distinct().Count());
        // Every table still has its placeholder (each must be edited), but the explanation is given once.
        Assert.Equal(3, CountOf(proposal.Yaml, "account_id: TODO"));
        Assert.Equal(1, CountOf(proposal.Yaml, "no customer or account column recognised"));
    }

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
