namespace Fulcrum.Data.Schema;

/// <summary>
/// The canonical data model (DESIGN.md) as metadata: what import validates against and what
/// the stores create. <see cref="SchemaDriftTests"/> checks it against the migrated database.
/// </summary>
public static class CanonicalSchema
{
    public const double NpsMin = 0, NpsMax = 10;
    public const double DefaultCsatMin = 1, DefaultCsatMax = 5;
    public const double DefaultCesMin = 1, DefaultCesMax = 7;

    public static readonly IReadOnlyList<string> OutcomeKinds = ["renewal", "churn", "expansion", "contraction"];
    public static readonly IReadOnlyList<string> InitiativeKinds = ["quick_win", "long_term"];
    public static readonly IReadOnlyList<string> FollowupStatuses = ["open", "assigned", "closed"];

    static FieldDefinition Text(string name, string description, bool required = false) => new(name, FieldType.Text, description, required);
    static FieldDefinition Attributes() => new("attributes", FieldType.Json, "Any other source columns, kept as a JSON object so nothing a user gave is lost.");
    static TableReference ToAccount(string field = "account_id") => new(field, "accounts", "account_id");

    public static readonly TableDefinition Accounts = new(
        "accounts", "A customer.",
        [
            Text("account_id", "Natural key from the source system.", true),
            Text("name", "Display name."),
            Text("segment", "e.g. SMB, Mid-Market, Enterprise."),
            Text("region", "Sales region."),
            Text("industry", "Industry."),
            new("created_at", FieldType.Date, "When the account became a customer."),
            Text("owner", "Primary account owner."),
            Attributes(),
        ],
        ["account_id"], [], ["account", "customers"]);

    public static readonly TableDefinition Subscriptions = new(
        "subscriptions", "A product held over a period.",
        [
            Text("account_id", "The account.", true),
            Text("product", "Product name.", true),
            new("start_date", FieldType.Date, "First day of the period.", true),
            new("end_date", FieldType.Date, "Day the period ended (for a churn, the churn's date); empty while active. Ended on or before the last day of data: not on today's book."),
            new("arr", FieldType.Number, "Annual recurring revenue of this product in the period.", true, Min: 0),
            Text("account_manager", "Account manager responsible for this product."),
            Attributes(),
        ],
        ["account_id", "product", "start_date"], [ToAccount()], ["subscription", "services"]);

    public static readonly TableDefinition Responses = new(
        "responses", "A survey answer.",
        [
            Text("response_id", "Natural key from the survey tool.", true),
            Text("account_id", "The responding account.", true),
            Text("contact", "The person who answered."),
            Text("survey", "Survey name."),
            Text("channel", "email, in-app, twitter, ..."),
            new("responded_at", FieldType.Timestamp, "When the answer was given (stored in UTC).", true),
            new("nps", FieldType.Integer, "Likelihood to recommend, 0-10.", Min: NpsMin, Max: NpsMax),
            new("csat", FieldType.Number, "Satisfaction; scale declared by the mapping (default 1-5).", Min: DefaultCsatMin, Max: DefaultCsatMax, ScaleDeclaredByMapping: true),
            new("ces", FieldType.Number, "Customer effort, higher = more effort; scale declared by the mapping (default 1-7).", Min: DefaultCesMin, Max: DefaultCesMax, ScaleDeclaredByMapping: true),
            Text("comment", "Free-text comment."),
            Attributes(),
        ],
        ["response_id"], [ToAccount()], ["response", "survey", "surveys"]);

    public static readonly TableDefinition Tickets = new(
        "tickets", "A support case.",
        [
            Text("ticket_id", "Natural key from the help desk.", true),
            Text("account_id", "The account.", true),
            new("opened_at", FieldType.Timestamp, "When the case was opened (UTC).", true),
            new("closed_at", FieldType.Timestamp, "When it was closed (UTC)."),
            Text("channel", "email, chat, phone, portal, ..."),
            Text("category", "Case category."),
            new("handle_minutes", FieldType.Number, "Agent handle time in minutes.", Min: 0),
            new("contacts", FieldType.Integer, "Customer contacts on the case.", Min: 0),
            new("reopened", FieldType.Boolean, "Whether the case was reopened."),
            new("csat", FieldType.Number, "Ticket satisfaction, scale declared by the mapping (default 1-5).", Min: DefaultCsatMin, Max: DefaultCsatMax, ScaleDeclaredByMapping: true),
            Attributes(),
        ],
        ["ticket_id"], [ToAccount()], ["ticket", "cases"]);

    public static readonly TableDefinition Outcomes = new(
        "outcomes", "A revenue event.",
        [
            Text("account_id", "The account.", true),
            new("outcome_date", FieldType.Date, "When it happened.", true),
            new("kind", FieldType.Text, "renewal, churn, expansion or contraction.", true, AllowedValues: OutcomeKinds),
            new("arr_before", FieldType.Number, "ARR before the event; empty when the business has no recurring revenue.", Min: 0),
            new("arr_after", FieldType.Number, "ARR after the event (0 on churn); empty when the business has no recurring revenue.", Min: 0),
            Text("reason", "Stated reason, e.g. a churn reason."),
            Attributes(),
        ],
        ["account_id", "outcome_date", "kind"], [ToAccount()], ["outcome", "renewals", "churn"]);

    public static readonly TableDefinition Orders = new(
        "orders", "A purchase (for businesses that sell by order rather than by subscription).",
        [
            Text("order_id", "Natural key from the shop or ERP.", true),
            Text("account_id", "The customer who ordered.", true),
            new("ordered_at", FieldType.Timestamp, "When the order was placed (UTC).", true),
            new("amount", FieldType.Number, "Order value (revenue).", true, Min: 0),
            Text("status", "e.g. delivered, shipped, cancelled."),
            new("refund_amount", FieldType.Number, "Amount refunded on the order, if any.", Min: 0),
            Attributes(),
        ],
        ["order_id"], [ToAccount()], ["order", "purchases", "transactions"]);

    public static readonly TableDefinition ReferenceRequests = new(
        "reference_requests", "A request to a customer to act as a reference.",
        [
            Text("reference_id", "Natural key.", true),
            Text("account_id", "The customer asked.", true),
            new("requested_at", FieldType.Date, "When they were asked.", true),
            new("agreed", FieldType.Boolean, "Whether they agreed."),
            new("used_at", FieldType.Date, "When the reference was used in a deal."),
            Text("opportunity_id", "The deal it was used in."),
            Attributes(),
        ],
        ["reference_id"], [ToAccount()], ["references", "reference", "referrals"]);

    public static readonly TableDefinition Opportunities = new(
        "opportunities", "A deal.",
        [
            Text("opportunity_id", "Natural key from the CRM.", true),
            Text("account_id", "The existing customer, if the deal is with one."),
            new("amount", FieldType.Number, "Deal amount.", true, Min: 0),
            Text("stage", "CRM stage."),
            new("created_at", FieldType.Date, "When the deal was opened."),
            new("closed_at", FieldType.Date, "When it closed."),
            new("won", FieldType.Boolean, "Whether it was won."),
            Attributes(),
        ],
        ["opportunity_id"], [], ["opportunity", "deals"]);

    public static readonly TableDefinition Initiatives = new(
        "initiatives", "A CX project.",
        [
            Text("initiative_id", "Natural key.", true),
            Text("name", "Name.", true),
            new("kind", FieldType.Text, "quick_win or long_term.", true, AllowedValues: InitiativeKinds),
            new("start_date", FieldType.Date, "Start.", true),
            new("end_date", FieldType.Date, "End, if finished."),
            new("cost", FieldType.Number, "Total cost.", Min: 0),
            Text("target", "Accounts it targets, as a segment filter (e.g. region = 'EMEA')."),
            Text("lever", "The lever or theme it pulls."),
            Text("owner", "Owner."),
            Text("status", "Status."),
            Attributes(),
        ],
        ["initiative_id"], [], ["initiative", "projects"]);

    public static readonly TableDefinition Followups = new(
        "followups", "A closed-loop case opened on a response.",
        [
            Text("response_id", "The response followed up.", true),
            Text("owner", "Who follows up."),
            new("status", FieldType.Text, "open, assigned or closed.", true, AllowedValues: FollowupStatuses),
            new("due", FieldType.Date, "Due date."),
            Text("resolution", "How it was resolved."),
            new("opened_at", FieldType.Timestamp, "When it was opened."),
            new("closed_at", FieldType.Timestamp, "When it was closed."),
        ],
        ["response_id"], [new("response_id", "responses", "response_id")], ["followup"]);

    public static readonly TableDefinition Assumptions = new(
        "assumptions", "A named input finance can edit.",
        [
            Text("name", "Assumption name.", true),
            new("value", FieldType.Number, "Value.", true),
            Text("unit", "Unit."),
            Text("description", "What it means."),
            new("updated_at", FieldType.Timestamp, "Last change."),
        ],
        ["name"], [], ["assumption"]);

    /// <summary>Tables in dependency order: a table comes after every table it references.</summary>
    public static readonly IReadOnlyList<TableDefinition> Tables =
        [Accounts, Subscriptions, Responses, Tickets, Outcomes, Orders, ReferenceRequests, Opportunities, Initiatives, Followups, Assumptions];

    public static TableDefinition? Find(string nameOrAlias) =>
        Tables.FirstOrDefault(t => string.Equals(t.Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
                                   || t.Aliases.Contains(nameOrAlias, StringComparer.OrdinalIgnoreCase));

    public static TableDefinition Get(string nameOrAlias) =>
        Find(nameOrAlias) ?? throw new ArgumentException(
            $"Unknown table '{nameOrAlias}'. Tables: {string.Join(", ", Tables.Select(t => t.Name))}.");

    public static int DependencyOrder(TableDefinition table) =>
        Tables.ToList().FindIndex(t => t.Name == table.Name);
}
