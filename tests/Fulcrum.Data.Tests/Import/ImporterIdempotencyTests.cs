using Fulcrum.Data.Store;
using System.Text.Json;
using Fulcrum.Data.Import;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Re-imports update by natural key: the same file changes nothing, a changed file updates in place.</summary>
public abstract class ImporterIdempotencyTests(StoreBackend backend) : IDisposable
{
    readonly ImportWorkspace _ws = new(backend: backend);

    public void Dispose() => _ws.Dispose();

    const string Mapping = """
        tables:
          - table: accounts
            distinct: true
            fields:
              account_id: account
              segment: segment
              attributes: { columns: [plan] }
          - table: responses
            fields:
              response_id: id
              account_id: account
              responded_at: when
              nps: nps
              comment: comment
              attributes: { columns: [source, language] }
          - table: subscriptions
            fields:
              account_id: account
              product: { value: Core }
              start_date: when
              arr: { expr: "[nps] * 100" }
        """;

    const string Header = "id,account,segment,plan,when,nps,comment,source,language";

    [Fact]
    public void Importing_the_same_file_twice_changes_nothing_the_second_time()
    {
        var mapping = _ws.Write("m.yaml", Mapping);
        var file = _ws.WriteLines("survey.csv", Header,
            "R1,A1,SMB,gold,2024-03-01T10:00:00Z,9,\"great, \"\"really\"\"\",web,en",
            "R2,A1,SMB,gold,2024-03-02T10:00:00Z,6,,web,",
            "R3,A2,Enterprise,,2024-03-03T10:00:00Z,10,\"multi\nline\",app,de");
        var first = _ws.Import("all", file, mapping);
        ImportAssert.Committed(first);
        var afterFirst = _ws.Snapshot();

        var second = _ws.Import("all", file, mapping);

        ImportAssert.Committed(second);
        Assert.Equal(0, second.Inserted);
        Assert.Equal(0, second.Updated);
        Assert.Equal([("accounts", 2L), ("responses", 3L), ("subscriptions", 3L)], second.Tables.Select(t => (t.Table, t.Unchanged)).OrderBy(t => t.Table));
        foreach (var table in Fulcrum.Data.Schema.CanonicalSchema.Tables.Select(t => t.Name))
            Assert.Equal(afterFirst[table], _ws.Rows(table));
        Assert.Equal(2, _ws.Count("import_runs"));
    }

    [Fact]
    public void Changed_file_updates_rows_by_natural_key_without_duplicating()
    {
        var mapping = _ws.Write("m.yaml", Mapping);
        ImportAssert.Committed(_ws.Import("all", _ws.WriteLines("v1.csv", Header,
            "R1,A1,SMB,gold,2024-03-01T10:00:00Z,9,great,web,en",
            "R2,A1,SMB,gold,2024-03-02T10:00:00Z,6,meh,web,en",
            "R3,A2,SMB,,2024-03-03T10:00:00Z,10,,app,de"), mapping));

        var result = _ws.Import("all", _ws.WriteLines("v2.csv", Header,
            "R1,A1,SMB,gold,2024-03-01T10:00:00Z,9,great,web,en",
            "R2,A1,SMB,gold,2024-03-02T10:00:00Z,7,better now,web,en",
            "R3,A2,Enterprise,,2024-03-03T10:00:00Z,10,,app,de",
            "R4,A3,SMB,,2024-03-04T10:00:00Z,2,awful,app,de"), mapping);

        ImportAssert.Committed(result);
        var accounts = ImportAssert.Table(result, "accounts");
        var responses = ImportAssert.Table(result, "responses");
        var subscriptions = ImportAssert.Table(result, "subscriptions");
        Assert.Equal((1L, 1L, 1L), (accounts.Inserted, accounts.Updated, accounts.Unchanged));
        Assert.Equal((1L, 1L, 2L), (responses.Inserted, responses.Updated, responses.Unchanged));
        Assert.Equal((1L, 1L, 2L), (subscriptions.Inserted, subscriptions.Updated, subscriptions.Unchanged));
        Assert.Equal((3L, 4L, 4L), (_ws.Count("accounts"), _ws.Count("responses"), _ws.Count("subscriptions")));
        Assert.Equal((7L, "better now"), _ws.Store.Query<(long, string)>("SELECT nps, comment FROM responses WHERE response_id = 'R2'").Single());
        Assert.Equal("Enterprise", _ws.Scalar<string>("SELECT segment FROM accounts WHERE account_id = 'A2'"));
        Assert.Equal(700.0, _ws.Scalar<double>("SELECT arr FROM subscriptions WHERE account_id = 'A1' AND start_date = DATE '2024-03-02'"));
    }

    [Theory]
    [InlineData("responses", "response_id", "account_id,response_id,responded_at,comment,source", "2024-03-01T10:00:00Z,hello")]
    [InlineData("tickets", "ticket_id", "account_id,ticket_id,opened_at,category,source", "2024-03-01T10:00:00Z,billing")]
    [InlineData("orders", "order_id", "account_id,order_id,ordered_at,amount,source", "2024-03-01T10:00:00Z,120")]
    [InlineData("reference_requests", "reference_id", "account_id,reference_id,requested_at,agreed,source", "2024-03-01,yes")]
    public void Reimport_that_gives_a_record_another_account_moves_it_instead_of_duplicating_it(string table, string idField, string header, string values)
    {
        // The database key is (account_id, id) since migration 0013 (Citus), but the id alone still names the record.
        _ws.SeedAccounts("A1", "A2");
        ImportAssert.Committed(_ws.Import(table, _ws.WriteLines("v1.csv", header, $"A1,X1,{values},crm", $"A1,X2,{values},crm")));

        var moved = _ws.Import(table, _ws.WriteLines("v2.csv", header.Replace(",source", ",tier", StringComparison.Ordinal), $"A2,X1,{values},gold"));

        ImportAssert.Committed(moved);
        Assert.Equal((0L, 1L), (moved.Inserted, moved.Updated));
        Assert.Equal([("A2", "X1"), ("A1", "X2")],
            _ws.Store.Query<(string, string)>($"SELECT account_id, {idField} FROM {table} ORDER BY {idField}").OrderBy(r => r.Item2).ToList());
        // Moved, not re-created: its attributes are merged into the old ones, as for a record that keeps its account.
        Assert.Equal(new Dictionary<string, string> { ["source"] = "crm", ["tier"] = "gold" }, AttributesOf(table, idField, "X1"));

        var again = _ws.Import(table, _ws.PathOf("v2.csv"));
        Assert.Equal((0L, 0L, 2L), (again.Inserted, again.Updated, _ws.Count(table)));
    }

    Dictionary<string, string> AttributesOf(string table, string keyField, string key) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            _ws.Scalar<string>($"SELECT CAST(attributes AS VARCHAR) FROM {table} WHERE {keyField} = $key", new { key }))!;

    [Fact]
    public void Attributes_merge_keeps_old_keys_adds_new_ones_and_overwrites_changed_ones()
    {
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines("a1.csv",
            "account_id,name,plan,tier",
            "A1,Acme,gold,1")));

        var result = _ws.Import("accounts", _ws.WriteLines("a2.csv",
            "account_id,tier,color",
            "A1,2,red"));

        ImportAssert.Committed(result);
        Assert.Equal(1, result.Updated);
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "gold", ["tier"] = "2", ["color"] = "red" }, AttributesOf("accounts", "account_id", "A1"));
        Assert.Equal("Acme", _ws.Scalar<string>("SELECT name FROM accounts WHERE account_id = 'A1'")); // name was not in the second file
    }

    [Fact]
    public void Reimport_with_a_subset_of_unchanged_attributes_counts_as_unchanged()
    {
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines("a1.csv", "account_id,plan,tier", "A1,gold,1")));

        var result = _ws.Import("accounts", _ws.WriteLines("a2.csv", "account_id,tier", "A1,1"));

        Assert.Equal((0L, 0L, 1L), (result.Inserted, result.Updated, ImportAssert.Table(result, "accounts").Unchanged));
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "gold", ["tier"] = "1" }, AttributesOf("accounts", "account_id", "A1"));
    }

    [Fact]
    public void Empty_attribute_cells_neither_add_keys_nor_erase_stored_ones()
    {
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines("a1.csv", "account_id,plan,tier", "A1,gold,1", "A2,,")));

        var result = _ws.Import("accounts", _ws.WriteLines("a2.csv", "account_id,plan,tier", "A1,,", "A2,,"));

        Assert.Equal((0L, 2L), (result.Updated, ImportAssert.Table(result, "accounts").Unchanged));
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "gold", ["tier"] = "1" }, AttributesOf("accounts", "account_id", "A1"));
        Assert.True(_ws.Scalar<bool>("SELECT attributes IS NULL FROM accounts WHERE account_id = 'A2'"));
    }

    [Fact]
    public void Reimport_in_another_format_with_the_same_values_is_unchanged()
    {
        ImportAssert.Committed(_ws.Import("opportunities", _ws.WriteLines("o.csv", "opportunity_id,amount,closed_at,won", "O1,1000,2024-05-01,yes")));

        var result = _ws.Import("opportunities", _ws.WriteLines("o.jsonl",
            """{"opportunity_id":"O1","amount":1000.0,"closed_at":"2024-05-01","won":true}"""));

        Assert.Equal((0L, 0L, 1L), (result.Inserted, result.Updated, ImportAssert.Table(result, "opportunities").Unchanged));
    }

    [Fact]
    public void Unmapped_source_columns_are_reported()
    {
        var mapping = _ws.Write("m.yaml", """
            tables:
              - table: opportunities
                fields: { opportunity_id: id, amount: amount }
            """);

        var result = _ws.Import("opportunities", _ws.WriteLines("o.csv", "id,amount,owner,notes", "O1,5,kim,x"), mapping);

        Assert.Equal(["owner", "notes"], result.UnmappedColumns);
    }
}

/// <summary>The same tests on each store backend.</summary>
public sealed class ImporterIdempotencyTestsOnDuckDb() : ImporterIdempotencyTests(StoreBackend.DuckDb);

public sealed class ImporterIdempotencyTestsOnPostgreSql() : ImporterIdempotencyTests(StoreBackend.PostgreSql);
