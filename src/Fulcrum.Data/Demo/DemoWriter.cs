using DuckDB.NET.Data;

namespace Fulcrum.Data.Demo;

/// <summary>Appends simulated rows to the canonical tables through DuckDB appenders (the fast bulk path).</summary>
internal sealed class DemoWriter(DuckDBConnection connection) : IDisposable
{
    readonly DuckDBAppender _accounts = connection.CreateAppender("accounts");
    readonly DuckDBAppender _subscriptions = connection.CreateAppender("subscriptions");
    readonly DuckDBAppender _responses = connection.CreateAppender("responses");
    readonly DuckDBAppender _tickets = connection.CreateAppender("tickets");
    readonly DuckDBAppender _outcomes = connection.CreateAppender("outcomes");
    readonly DuckDBAppender _references = connection.CreateAppender("reference_requests");
    readonly DuckDBAppender _opportunities = connection.CreateAppender("opportunities");

    /// <param name="counts">Running totals: accounts, subscriptions, responses, tickets, outcomes, references, opportunities.</param>
    public void Write(DemoBatch batch, long[] counts)
    {
        foreach (var a in batch.Accounts)
            _accounts.CreateRow().AppendValue(a.Id).AppendValue(a.Name).AppendValue(a.Segment).AppendValue(a.Region).AppendValue(a.Industry)
                .AppendValue(a.CreatedAt).AppendValue(a.Owner).AppendValue(a.Attributes).EndRow();
        foreach (var s in batch.Subscriptions)
            _subscriptions.CreateRow().AppendValue(s.AccountId).AppendValue(s.Product).AppendValue(s.Start).AppendValue(s.End)
                .AppendValue(s.Arr).AppendValue(s.AccountManager).AppendNullValue().EndRow();
        foreach (var r in batch.Responses)
            _responses.CreateRow().AppendValue(r.Id).AppendValue(r.AccountId).AppendValue(r.Contact).AppendValue("Quarterly relationship NPS")
                .AppendValue(r.Channel).AppendValue(r.RespondedAt).AppendValue((short)r.Nps).AppendValue(r.Csat).AppendValue(r.Ces).AppendValue(r.Comment)
                .AppendValue(r.Themes is null ? null : $"{{\"planted_themes\":\"{r.Themes}\"}}").EndRow();
        foreach (var t in batch.Tickets)
            _tickets.CreateRow().AppendValue(t.Id).AppendValue(t.AccountId).AppendValue(t.OpenedAt).AppendValue(t.ClosedAt).AppendValue(t.Channel)
                .AppendValue(t.Category).AppendValue(t.HandleMinutes).AppendValue(t.Contacts).AppendValue(t.Reopened).AppendValue(t.Csat).AppendNullValue().EndRow();
        foreach (var o in batch.Outcomes)
            _outcomes.CreateRow().AppendValue(o.AccountId).AppendValue(o.Date).AppendValue(o.Kind).AppendValue(o.ArrBefore).AppendValue(o.ArrAfter)
                .AppendNullValue().AppendNullValue().EndRow();
        foreach (var r in batch.References)
            _references.CreateRow().AppendValue(r.Id).AppendValue(r.AccountId).AppendValue(r.RequestedAt).AppendValue(r.Agreed).AppendValue(r.UsedAt)
                .AppendValue(r.OpportunityId).AppendValue($"{{\"response_id\":\"{r.ResponseId}\"}}").EndRow();
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
        foreach (var o in opportunities)
        {
            _opportunities.CreateRow().AppendValue(o.Id).AppendValue(o.AccountId).AppendValue(o.Amount).AppendValue(o.Stage).AppendValue(o.CreatedAt)
                .AppendValue(o.ClosedAt).AppendValue(o.Won).AppendValue(o.Referenced ? "{\"referenced\":true}" : "{\"referenced\":false}").EndRow();
            counts[6]++;
        }
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _subscriptions.Dispose();
        _responses.Dispose();
        _tickets.Dispose();
        _outcomes.Dispose();
        _references.Dispose();
        _opportunities.Dispose();
    }
}
