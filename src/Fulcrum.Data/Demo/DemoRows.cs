namespace Fulcrum.Data.Demo;

// Rows of the canonical tables as the simulation emits them, before they are appended to the store.
internal sealed record AccountRow(string Id, string Name, string Segment, string Region, string Industry, DateOnly CreatedAt, string Owner, string Attributes);
internal sealed record SubscriptionRow(string AccountId, string Product, DateOnly Start, DateOnly? End, double Arr, string AccountManager);
internal sealed record ResponseRow(string Id, string AccountId, string Contact, string Channel, DateTime RespondedAt, int Nps, double Csat, double Ces, string? Comment, string? Themes);
internal sealed record TicketRow(string Id, string AccountId, DateTime OpenedAt, DateTime? ClosedAt, string Channel, string Category, double HandleMinutes, int Contacts, bool Reopened, double? Csat);
internal sealed record OutcomeRow(string AccountId, DateOnly Date, string Kind, double ArrBefore, double ArrAfter);
/// <param name="ResponseId">The survey answer after which the account was asked (written to attributes.response_id).</param>
internal sealed record ReferenceRow(string Id, string AccountId, DateOnly RequestedAt, bool Agreed, DateOnly? UsedAt, string? OpportunityId, string ResponseId);
internal sealed record OpportunityRow(string Id, string? AccountId, double Amount, string Stage, DateOnly CreatedAt, DateOnly? ClosedAt, bool? Won, bool Referenced);

/// <summary>Everything one batch of accounts produced, plus its share of the ground-truth tallies.</summary>
internal sealed class DemoBatch
{
    public List<AccountRow> Accounts { get; } = [];
    public List<SubscriptionRow> Subscriptions { get; } = [];
    public List<ResponseRow> Responses { get; } = [];
    public List<TicketRow> Tickets { get; } = [];
    public List<OutcomeRow> Outcomes { get; } = [];
    public List<ReferenceRow> References { get; } = [];
    public List<OpportunityRow> Opportunities { get; } = [];
    public GroundTruthTally Tally { get; } = new();
}
