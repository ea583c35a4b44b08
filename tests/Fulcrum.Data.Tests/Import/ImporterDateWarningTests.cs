using Fulcrum.Data.Import;
using Fulcrum.Data.Store;

namespace Fulcrum.Data.Tests.Import;

/// <summary>Dates that import but cannot be right (DateWarnings.cs): warned about with file and line, never rejected.</summary>
public abstract class ImporterDateWarningTests(StoreBackend backend) : IDisposable
{
    readonly ImportWorkspace _ws = new(backend: backend);

    public void Dispose() => _ws.Dispose();

    void SeedAccount(string id, string created) =>
        ImportAssert.Committed(_ws.Import("accounts", _ws.WriteLines($"a-{id}.csv", "account_id,created_at", $"{id},{created}")));

    [Fact]
    public void An_answer_before_its_account_was_created_is_imported_with_a_warning_naming_file_and_line()
    {
        SeedAccount("A1", "2024-03-01");
        var file = _ws.WriteLines("responses.csv", "response_id,account_id,responded_at,nps",
            "R1,A1,2024-03-01T08:00:00Z,9",
            "R2,A1,2024-02-20T10:00:00Z,3",
            "R3,A1,2024-04-01T10:00:00Z,7");

        foreach (var dryRun in new[] { true, false })
        {
            var result = _ws.Import("responses", file, dryRun: dryRun);

            var warning = Assert.Single(result.Warnings);
            Assert.Equal((DateWarning.BeforeAccountCreated, "responses", "responded_at", 1L), (warning.Kind, warning.Table, warning.Field, warning.Count));
            Assert.Equal(new DateWarningExample(file, 3, "responses", "responded_at", "2024-02-20 10:00:00", "account A1 was created 2024-03-01"),
                Assert.Single(warning.Examples));
        }
        Assert.Equal(3, _ws.Count("responses"));
    }

    [Fact]
    public void Accounts_created_after_their_stored_orders_are_warned_about_on_the_accounts_line()
    {
        SeedAccount("A1", "2023-01-01");
        ImportAssert.Committed(_ws.Import("orders", _ws.WriteLines("o.csv", "order_id,account_id,ordered_at,amount",
            "O1,A1,2023-05-01T00:00:00Z,10", "O2,A1,2023-06-01T00:00:00Z,12")));

        var file = _ws.WriteLines("accounts.csv", "account_id,created_at", "A1,2023-07-01");
        var result = _ws.Import("accounts", file);

        ImportAssert.Committed(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("accounts", "created_at", 1L), (warning.Table, warning.Field, warning.Count));
        Assert.Equal(new DateWarningExample(file, 2, "accounts", "created_at", "2023-07-01", "account A1 already has 2 orders before that (the first on 2023-05-01 00:00:00)"),
            Assert.Single(warning.Examples));
    }

    [Fact]
    public void Dates_in_the_future_are_warned_about_but_end_dates_may_lie_ahead()
    {
        SeedAccount("A1", "2020-01-01");
        var future = DateTime.UtcNow.Date.AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tickets = _ws.WriteLines("tickets.csv", "ticket_id,account_id,opened_at,closed_at", "T1,A1,2024-01-01T00:00:00Z,", $"T2,A1,{future}T00:00:00Z,");
        var subscriptions = _ws.WriteLines("subs.csv", "account_id,product,start_date,end_date,arr", $"A1,Core,2021-01-01,{future},100");

        var result = _ws.Import("tickets", tickets);
        Assert.Empty(_ws.Import("subscriptions", subscriptions).Warnings);

        ImportAssert.Committed(result);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((DateWarning.InFuture, "tickets", "opened_at", 1L), (warning.Kind, warning.Table, warning.Field, warning.Count));
        Assert.Equal(3, Assert.Single(warning.Examples).Line);
        Assert.Equal(2, _ws.Count("tickets"));
    }
}

/// <summary>The same tests on each store backend (the warnings and migration 0014 are SQL that both must run).</summary>
public sealed class ImporterDateWarningTestsOnDuckDb() : ImporterDateWarningTests(StoreBackend.DuckDb);

public sealed class ImporterDateWarningTestsOnPostgreSql() : ImporterDateWarningTests(StoreBackend.PostgreSql);
