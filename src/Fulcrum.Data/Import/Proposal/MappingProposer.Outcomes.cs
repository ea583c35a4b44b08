using System.Globalization;

namespace Fulcrum.Data.Import.Proposal;

public static partial class MappingProposer
{
    /// <summary>The columns an outcome row takes besides its kind: when it was decided and the stated reason.</summary>
    sealed record OutcomeFields(ColumnProfile? Date, ColumnProfile? Reason)
    {
        public IEnumerable<string> Columns => new[] { Date, Reason }.OfType<ColumnProfile>().Select(c => c.Name);
    }

    sealed partial class Builder
    {
        IReadOnlyList<OutcomeLeak> _leaks = [];
        bool _hasOutcome;

        /// <summary>Picks the outcome's date and reason before any block is written, so no other block's attributes take them.</summary>
        OutcomeFields OutcomeFieldsFor(OutcomeColumn outcome, IReadOnlySet<string> taken)
        {
            _outcomeOnly.Add(outcome.Column.Name);
            var date = PickTime(true, "outcome_date", "responded_at");
            var reason = Pick("reason", c => c.Kind == ColumnKind.Text && c != outcome.Column && !taken.Contains(c.Name), outcomeField: true);
            if (reason is not null) _outcomeOnly.Add(reason.Name);
            return new OutcomeFields(date, reason);
        }

        void Outcomes(ColumnProfile? account, OutcomeColumn outcome, OutcomeFields fields)
        {
            var status = outcome.Column;
            _used.Add(status.Name);
            // Customers who only just joined had no renewal to decide: they are no renewal (as a plain churn flag would say), so no row.
            var waiting = outcome.Levels.Where(l => l.Class == OutcomeClass.NoDecision).ToList();
            var where = waiting.Count == 0 ? null : string.Join(" and ", waiting.Select(l => $"[{status.Name}] != {Literal(l.Value)}"));
            var why = waiting.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", waiting.Select(l => l.Value))} ({waiting.Sum(l => l.Rows):N0} of {rows:N0} sampled rows): no renewal decided yet, so no outcome");
            Block("outcomes", why, where: where);
            Field("account_id", account, AccountTodo);
            Field("outcome_date", fields.Date, "no date column found: the day each renewal was decided");

            var churned = outcome.ValuesOf(OutcomeClass.Churn).ToList();
            var unknown = outcome.ValuesOf(OutcomeClass.Unknown).ToList();
            if (unknown.Count > 0 || churned.Count == 0 || !outcome.Has(OutcomeClass.Renewal))
            {
                churned = [];
                Field("kind", null, $"map the values of \"{status.Name}\" ({string.Join(", ", outcome.Levels.Select(l => l.Value))}) to churn or renewal"
                    + (unknown.Count > 0 && unknown.Count < outcome.Levels.Count ? $"; not recognised: {string.Join(", ", unknown)}" : ""));
            }
            else
            {
                var map = string.Join(", ", outcome.Levels.Where(l => l.Class is OutcomeClass.Churn or OutcomeClass.Renewal)
                    .Select(l => $"{Quote(l.Value)}: {(l.Class == OutcomeClass.Churn ? "churn" : "renewal")}"));
                _yaml.Append(CultureInfo.InvariantCulture, $"      kind: {{ column: {Quote(status.Name)}, map: {{ {map} }} }}   # ← \"{status.Name}\"; check the map\n");
            }
            if (fields.Reason is not null) Field("reason", fields.Reason);
            Revenue(status, churned);
            LeakedAttributes();
        }

        void Revenue(ColumnProfile status, List<string> churnValues)
        {
            var arr = Pick("arr", c => c.IsNumeric && c.Min >= 0);
            var mrr = arr is null ? Pick("mrr", c => c.IsNumeric && c.Min >= 0) : null;
            var revenue = arr is not null ? $"[{arr.Name}]" : mrr is not null ? $"[{mrr.Name}] * 12" : null;
            if (revenue is null)
            {
                // Outcomes need no ARR (a business without recurring revenue has none): say so rather than ask for an invented one.
                _yaml.Append("      # arr_before, arr_after: no revenue column found, so left out; renewals and churn are then counts and rates.\n");
                _yaml.Append("      # Map them here if another file holds each account's ARR (join it).\n");
                return;
            }
            var churned = churnValues.Count == 0 ? Todo : string.Join(" or ", churnValues.Select(v => $"[{status.Name}] = {Literal(v)}"));
            _yaml.Append(CultureInfo.InvariantCulture, $"      arr_before: {{ expr: {Quote(revenue)} }}\n");
            _yaml.Append(CultureInfo.InvariantCulture, $"      arr_after: {{ expr: {Quote($"if({churned}, 0, {revenue})")} }}\n");
        }

        /// <summary>Columns that encode the outcome are kept with it (nothing is lost), where `drivers` does not rank them.</summary>
        void LeakedAttributes()
        {
            var leaks = _leaks.Where(l => !_used.Contains(l.Column.Name)).ToList();
            if (leaks.Count == 0) return;
            foreach (var why in leaks.GroupBy(l => l.Why))
                _yaml.Append(CultureInfo.InvariantCulture, $"      # {string.Join(", ", why.Select(l => l.Column.Name))}: {why.Key}.\n");
            _yaml.Append("      # They encode the outcome, so they are kept with it, not on answers or accounts where `drivers` would rank them as causes.\n");
            _yaml.Append(CultureInfo.InvariantCulture, $"      attributes: {{ columns: [{string.Join(", ", leaks.Select(l => Quote(l.Column.Name)))}] }}\n");
            foreach (var leak in leaks) _used.Add(leak.Column.Name);
        }

        /// <summary>After the attributes of the table that takes every other column: says which columns went elsewhere, and why.</summary>
        void ExplainOutcomeOnly()
        {
            var leaks = _leaks.Where(l => !_used.Contains(l.Column.Name)).Select(l => l.Column.Name).ToList();
            if (leaks.Count == 0) return;
            var names = string.Join(", ", leaks);
            _yaml.Append(_hasOutcome
                ? $"      # not here: {names} encode the outcome (kept on outcomes below); as attributes here `drivers` would rank them as its causes\n"
                : $"      # left out, being named for churn (an outcome, which `drivers` would rank as a cause if kept as an attribute): {names}\n");
        }
    }

    /// <summary>A text literal for an expression: single-quoted, quotes doubled.</summary>
    static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
