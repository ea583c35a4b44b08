using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    sealed partial class Builder
    {
        /// <summary>
        /// One account per customer. Where the customer repeats, identical rows collapse (distinct); where the sample shows a
        /// customer's rows differing in a field, they fold instead (group_by): dates to the earliest, anything else to the
        /// last row's value, so a customer who moved is one account, not a rejected duplicate.
        /// </summary>
        /// <param name="firstOrder">When the file records orders: their time, whose earliest is when the customer became one.</param>
        void Accounts(ColumnProfile? account, bool takesRest, ColumnProfile? firstOrder)
        {
            var fields = new List<(string Field, ColumnProfile Column, string? Why)>();
            if (Pick("account_name", c => c.Kind == ColumnKind.Text) is { } name) fields.Add(("name", name, null));
            else if (account is not null) fields.Add(("name", account, null));
            AddOptional(fields, "segment", "segment", c => c.Kind is ColumnKind.Text or ColumnKind.Boolean && c.Distinct <= 50);
            AddOptional(fields, "region", "region", c => c.Kind == ColumnKind.Text && c.Distinct <= 500);
            AddOptional(fields, "industry", "industry", c => c.Kind == ColumnKind.Text);
            if (_createdAt is not null) fields.Add(("created_at", _createdAt, null));
            var firstOrderDate = firstOrder is not null && _createdAt is null;
            if (firstOrderDate) fields.Add(("created_at", firstOrder!, "the customer's first order"));
            var tenure = fields.Any(f => f.Field == "created_at") ? null : FindTenure();

            var repeats = account is { Unique: false };
            var varying = repeats ? fields.Where(f => f.Column != account && GroupCheck.VariesWithin(joined.View, account!, f.Column)).Select(f => f.Field).ToHashSet() : [];
            var restVaries = repeats && takesRest && columns.Any(c => !fields.Any(f => f.Column == c) && c != account && GroupCheck.VariesWithin(joined.View, account!, c));
            var fold = repeats && (varying.Count > 0 || restVaries || firstOrderDate);
            if (fold)
                Block("accounts", string.Create(CultureInfo.InvariantCulture,
                    $"{account!.Name} repeats ({GroupCheck.RepeatedKeys(joined.View, account):N0} customers on several sampled rows): one account each"), groupBy: "account_id");
            else Block("accounts", repeats ? "the customer column repeats, so identical rows collapse into one account" : null, distinct: repeats);
            if (_account.Why is not null) _yaml.Append(CultureInfo.InvariantCulture, $"      # {_account.Why}\n");
            Field("account_id", account, AccountTodo);
            foreach (var (field, column, why) in fields)
                Field(field, column, aggregate: !fold || !(varying.Contains(field) || why is not null) ? null
                    : column.IsTime ? ("min", why ?? "the earliest of a customer's rows")
                    : ("last", "the last of a customer's rows where they differ"));
            var created = fields.Any(f => f.Field == "created_at") || tenure is not null && CreatedFromTenure(tenure, fold);
            if (!created && tenure is null && takesRest) CreatedCandidates();
            if (takesRest) Attributes(fold ? account : null, foldLast: true, leaveOut: fold ? _account.PassedOver.Where(columns.Contains).ToList() : null);
        }

        void AddOptional(List<(string, ColumnProfile, string?)> fields, string field, string synonyms, Func<ColumnProfile, bool> fits)
        {
            if (Pick(synonyms, c => fits(c)) is { } column) fields.Add((field, column, null));
        }
    }
}
