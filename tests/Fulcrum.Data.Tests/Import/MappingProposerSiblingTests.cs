using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Tests.Import;

/// <summary>
/// Which files beside the mapped one `fulcrum map` proposes to join: only files a mapping may join (in the folder, no link
/// out of it), at most <see cref="SiblingFiles.MaxFiles"/>, on a shared key column that is unique in the other file and
/// holds most of the sampled keys; and none when the file names its customer itself.
/// </summary>
public sealed class MappingProposerSiblingTests : IDisposable
{
    readonly ImportWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    string Reviews() => _ws.WriteLines("reviews.csv", "review_id,order_id,review_score", "r1,o1,5", "r2,o2,1", "r3,o3,4", "r4,o1,3");

    static readonly string[] OrdersLines = ["order_id,customer_id", "o1,c1", "o2,c2", "o3,c1"];

    [Fact]
    public void A_file_beside_it_with_the_customer_is_joined_but_not_through_a_link_out_of_the_folder_or_from_a_subfolder()
    {
        var reviews = Reviews();
        var outside = Directory.CreateTempSubdirectory("fulcrum-outside-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(outside, "orders.csv"), OrdersLines);
            File.CreateSymbolicLink(_ws.PathOf("orders.csv"), Path.Combine(outside, "orders.csv"));
            _ws.WriteLines("sub/orders.csv", OrdersLines);

            var refused = MappingProposer.Propose(reviews);

            Assert.DoesNotContain("join:", refused.Yaml, StringComparison.Ordinal);
            Assert.Contains(refused.Todos, t => t.StartsWith("account_id", StringComparison.Ordinal));

            File.Delete(_ws.PathOf("orders.csv"));
            _ws.WriteLines("orders.csv", OrdersLines);
            var joined = MappingProposer.Propose(reviews);

            Assert.Contains("join:\n  - file: orders.csv\n    on: order_id   # 3 of 3 sampled order_id values found there", joined.Yaml, StringComparison.Ordinal);
            Assert.Contains("account_id: customer_id", joined.Yaml, StringComparison.Ordinal);
            Assert.DoesNotContain(joined.Todos, t => t.StartsWith("account_id", StringComparison.Ordinal));
        }
        finally { Directory.Delete(outside, recursive: true); }
    }

    [Fact]
    public void At_most_the_limit_of_data_files_is_looked_at_and_other_files_not_at_all()
    {
        var main = _ws.WriteLines("main.csv", "a", "1");
        for (var i = 0; i < SiblingFiles.MaxFiles + 2; i++) _ws.WriteLines($"f{i:D2}.csv", "a", "1");
        _ws.WriteLines("notes.yaml", "a: 1");
        _ws.WriteLines(".hidden.csv", "a", "1");

        var siblings = SiblingFiles.Find(main);

        Assert.Equal(SiblingFiles.MaxFiles, siblings.Files.Count);
        Assert.Equal(2, siblings.LeftOut);
        Assert.DoesNotContain(siblings.Files, f => f == main || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".hidden.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_names_its_customer_joins_nothing()
    {
        var answers = _ws.WriteLines("answers.csv", "response_id,customer_id,csat", "a1,c1,4", "a2,c2,5", "a3,c1,2");
        _ws.WriteLines("customers.csv", "customer_id,customer_name,region", "c1,Ana,SP", "c2,Bia,RJ");

        var proposal = MappingProposer.Propose(answers);

        Assert.DoesNotContain("join:", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains("account_id: customer_id", proposal.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_id_column_or_a_key_the_other_file_mostly_lacks_is_no_join()
    {
        var answers = _ws.WriteLines("answers.csv", "id,order_id,csat", "1,o1,4", "2,o2,5", "3,o3,2", "4,o4,3");
        _ws.WriteLines("people.csv", "id,customer_id", "1,c1", "2,c2", "3,c3", "4,c4");
        _ws.WriteLines("orders.csv", "order_id,customer_id", "o1,c1", "o9,c2", "o8,c3");

        var proposal = MappingProposer.Propose(answers);

        Assert.DoesNotContain("join:", proposal.Yaml, StringComparison.Ordinal);
        Assert.Contains(proposal.Todos, t => t.StartsWith("account_id", StringComparison.Ordinal));
    }

    [Fact]
    public void An_order_total_repeated_on_each_item_row_is_taken_once_not_summed()
    {
        var lines = _ws.WriteLines("lines.csv", "order_id,item_id,customer_id,order_total,ordered_at",
            "o1,i1,c1,30.00,2024-01-02", "o1,i2,c1,30.00,2024-01-02", "o2,i3,c2,12.50,2024-01-05");

        var yaml = MappingProposer.Propose(lines).Yaml;

        Assert.Contains("amount: { column: order_total, aggregate: first }", yaml, StringComparison.Ordinal);
        Assert.Contains("# left out: item_id differs between the rows of one order_id", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_without_an_id_get_one_from_id_columns_that_are_unique_together()
    {
        var ratings = _ws.WriteLines("ratings.csv", "order_id,item_id,customer_id,rating", "o1,i1,c1,5", "o1,i2,c1,4", "o2,i1,c1,2");

        var proposal = MappingProposer.Propose(ratings);

        Assert.Contains("response_id: { template: \"{order_id}-{item_id}\" }   # no answer id found; order_id and item_id together are unique in the sample", proposal.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(proposal.Todos, t => t.StartsWith("response_id", StringComparison.Ordinal));
    }
}
