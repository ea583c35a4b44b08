using Fulcrum.Data.Store;

namespace Fulcrum.Data.Demo;

/// <summary>Appends simulated rows to the canonical tables through the store's bulk path (DuckDB appenders, PostgreSQL COPY).</summary>
/// <param name="csatOnly">Write the answers of a company that asks for satisfaction only: CSAT, no NPS or CES.</param>
internal sealed class DemoWriter(FulcrumStore store, bool csatOnly = false) : IDisposable
{
    // PostgreSQL runs one COPY at a time per connection, so each table's writer is opened for its rows of a batch.
    void WriteAll<T>(string table, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var writer = store.BulkWriter(table);
        foreach (var row in rows) writer.Row(values(row));
    }

    /// <param name="counts">Running totals: accounts, subscriptions, responses, tickets, outcomes, references, opportunities.</param>
    public void Write(DemoBatch batch, long[] counts)
    {
        WriteAll("accounts", batch.Accounts, a => [a.Id, a.Name, a.Segment, a.Region, a.Industry, a.CreatedAt, a.Owner, a.Attributes]);
        WriteAll("subscriptions", batch.Subscriptions, s => [s.AccountId, s.Product, s.Start, s.End, s.Arr, s.AccountManager, null]);
        WriteAll("responses", batch.Responses, r => [r.Id, r.AccountId, r.Contact, csatOnly ? "Quarterly satisfaction survey" : "Quarterly relationship NPS", r.Channel, r.RespondedAt,
            csatOnly ? null : (short)r.Nps, r.Csat, csatOnly ? null : r.Ces, r.Comment, r.Themes is null ? null : $"{{\"planted_themes\":\"{r.Themes}\"}}"]);
        WriteAll("tickets", batch.Tickets, t => [t.Id, t.AccountId, t.OpenedAt, t.ClosedAt, t.Channel, t.Category, t.HandleMinutes, t.Contacts, t.Reopened, t.Csat, null]);
        WriteAll("outcomes", batch.Outcomes, o => [o.AccountId, o.Date, o.Kind, o.ArrBefore, o.ArrAfter, null, null]);
        WriteAll("reference_requests", batch.References, r => [r.Id, r.AccountId, r.RequestedAt, r.Agreed, r.UsedAt, r.OpportunityId, $"{{\"response_id\":\"{r.ResponseId}\"}}"]);
        WriteOpportunities(batch.Opportunities, counts);
        counts[0] += batch.Accounts.Count;
        counts[1] += batch.Subscriptions.Count;
        counts[2] += batch.Responses.Count;
        counts[3] += batch.Tickets.Count;
        counts[4] += batch.Outcomes.Count;
        counts[5] += batch.References.Count;
    }

    public void WriteOpportunities(IEnumerable<OpportunityRow> opportunities, long[] counts)
    {
        var rows = opportunities.ToList();
        WriteAll("opportunities", rows, o => [o.Id, o.AccountId, o.Amount, o.Stage, o.CreatedAt, o.ClosedAt, o.Won, o.Referenced ? "{\"referenced\":true}" : "{\"referenced\":false}"]);
        counts[6] += rows.Count;
    }

    public void Dispose() { }
}
