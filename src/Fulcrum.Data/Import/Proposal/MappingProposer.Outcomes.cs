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
        /// <summary>The outcomes' date column, written after the accounts: no candidate for when a customer joined.</summary>
        ColumnProfile? _outcomeDate;
        bool _hasOutcome;

        /// <summary>Picks the outcome's date and reason before any block is written, so no other block's attributes take them.</summary>
        OutcomeFields OutcomeFieldsFor(OutcomeColumn outcome, IReadOnlySet<string> taken)
        {
            _outcomeOnly.Add(outcome.Column.Name);
            // Only a column named as the outcome's date (churn, renewal, end, cancellation, status date): any other date
            // (a last login, a survey's) would date every renewal wrongly, so without one the date is left a TODO.
            var date = Pick("outcome_date", c => c.IsTime && c != _createdAt, outcomeField: true);
            var reason = Pick("reason", c => c.Kind == ColumnKind.Text && c != outcome.Column && !taken.Contains(c.Name), outcomeField: true);
            if (reason is not null) _outcomeOnly.Add(reason.Name);
            _outcomeDate = date;
            return new OutcomeFields(date, reason);
        }

        void Outcomes(ColumnProfile? account, OutcomeColumn outcome, OutcomeFields fields)
        {
            var status = outcome.Column;
            _used.Add(status.Name);
            // Customers who only just joined had no renewal to decide: they are no renewal (as a plain churn flag would say), so no row.
            var waiting = outcome.Levels.Where(l => l.Class == OutcomeClass.NoDecision).ToList();
            var where = waiting.Count == 0 ? null : string.Join(" and ", waiting.Select(l => $"{Ref(status)} != {Literal(l.Value)}"));
            var why = waiting.Count == 0 ? null : string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(", ", waiting.Select(l => l.Value))} ({waiting.Sum(l => l.Rows):N0} of {rows:N0} sampled rows): no renewal decided yet, so no outcome");
            Block("outcomes", why, where: where);
            Field("account_id", account, AccountTodo);
            Field("outcome_date", fields.Date, OutcomeDateTodo());

            if (outcome.Decisions == 0)
                Field("kind", null, $"map the values of \"{status.Name}\" ({string.Join(", ", outcome.Levels.Select(l => l.Value))}) to renewal, churn, expansion or contraction");
            else KindMap(outcome);
            if (fields.Reason is not null) Field("reason", fields.Reason);
            Revenue(outcome);
            LeakedAttributes();
        }

        /// <summary>Why outcome_date is a TODO, naming the date columns seen (none of them is named as the outcome's date).</summary>
        string OutcomeDateTodo()
        {
            var seen = columns.Where(c => c.IsTime).Select(c => c.Name).ToList();
            return seen.Count == 0
                ? "no date column found: the day each renewal was decided"
                : $"no column is named as the outcome's date (a churn, renewal, end, cancellation or status date); date columns seen: {string.Join(", ", seen)}. "
                  + "Map the one holding the day each renewal was decided, or give a value";
        }

        /// <summary>
        /// kind as a value map of the status: every value it reads, with its kind, and each it cannot read as a TODO naming it
        /// (the loader refuses the mapping until it is edited), never dropped. A comment before it gives each value's rows.
        /// </summary>
        void KindMap(OutcomeColumn outcome)
        {
            var status = outcome.Column;
            // The map matches case-insensitively, so Active and ACTIVE are one entry, under the spelling seen first.
            var values = outcome.Levels.GroupBy(l => l.Value, StringComparer.OrdinalIgnoreCase)
                .Select(g => (Value: g.Key, Spellings: g.Select(l => l.Value).ToList(), Rows: g.Sum(l => l.Rows), g.First().Class, g.First().Kind))
                .ToList();
            var table = string.Join(", ", values.Select(v => string.Create(CultureInfo.InvariantCulture,
                $"{string.Join("/", v.Spellings)} → {v.Kind ?? (v.Class == OutcomeClass.NoDecision ? "left out by where" : Todo)} ({v.Rows:N0})")));
            _yaml.Append(CultureInfo.InvariantCulture, $"      # \"{status.Name}\" → kind (sampled rows of {rows:N0}): {table}\n");
            var unread = values.Where(v => v.Class == OutcomeClass.Unknown).ToList();
            var map = string.Join(", ", values.Where(v => v.Kind is not null || v.Class == OutcomeClass.Unknown)
                .Select(v => $"{Quote(v.Value)}: {v.Kind ?? Todo}"));
            var check = unread.Count == 0 ? "check the map"
                : $"not read: {string.Join(", ", unread.Select(v => v.Value))}; map each TODO to renewal, churn, expansion or contraction, or leave its rows out with where";
            _yaml.Append(CultureInfo.InvariantCulture, $"      kind: {{ column: {Quote(status.Name)}, map: {{ {map} }} }}   # ← \"{status.Name}\"; {check}\n");
            foreach (var v in unread)
                AddTodo(string.Create(CultureInfo.InvariantCulture,
                    $"kind: \"{status.Name}\" value {Quote(v.Value)} ({v.Rows:N0} sampled rows) not read; map it to renewal, churn, expansion or contraction, or leave its rows out with where"));
        }

        /// <summary>ARR before and after from a revenue column; on expansion and contraction rows none (one column gives no ARR before the change).</summary>
        void Revenue(OutcomeColumn outcome)
        {
            var status = outcome.Column;
            var arr = Pick("arr", c => c.IsNumeric && c.Min >= 0);
            var mrr = arr is null ? Pick("mrr", c => c.IsNumeric && c.Min >= 0) : null;
            var revenue = arr is not null ? Ref(arr) : mrr is not null ? $"{Ref(mrr)} * 12" : null;
            if (revenue is null)
            {
                // Outcomes need no ARR (a business without recurring revenue has none): say so rather than ask for an invented one.
                _yaml.Append("      # arr_before, arr_after: no revenue column found, so left out; renewals and churn are then counts and rates.\n");
                _yaml.Append("      # Map them here if another file holds each account's ARR (join it).\n");
                return;
            }
            if (outcome.Has(OutcomeClass.Unknown) && outcome.Decisions > 0)
                _yaml.Append("      # A value you map from TODO to churn, expansion or contraction needs its rows' ARR set here too (a churn ends at 0).\n");
            // One revenue per customer is the ARR now, after an upgrade or downgrade: the ARR before it is not in the file. Both are
            // left empty on those rows (an expansion is then counted, not valued), rather than an ARR that did not change, which the
            // importer rejects, or an arr_before of 0, which would value the whole ARR as expansion.
            var changed = outcome.Levels.Where(l => l.Class is OutcomeClass.Expansion or OutcomeClass.Contraction).Select(l => l.Value).ToList();
            if (changed.Count > 0)
                _yaml.Append(CultureInfo.InvariantCulture, $"      # {string.Join(", ", changed)}: the file gives no ARR before the change, so arr_before and arr_after are left empty on those rows (counted, not valued); map the earlier ARR if a column holds it.\n");
            var kept = changed.Count == 0 ? revenue : $"if({Any(status, changed)}, null, {revenue})";
            // Until kind is mapped, which values are churn is for the user to say; a status without churn values keeps its ARR.
            var churned = outcome.ValuesOf(OutcomeClass.Churn).ToList();
            var after = outcome.Decisions == 0 ? $"if({Todo}, 0, {revenue})"
                : churned.Count == 0 ? kept
                : $"if({Any(status, churned)}, 0, {kept})";
            _yaml.Append(CultureInfo.InvariantCulture, $"      arr_before: {{ expr: {Quote(kept)} }}\n");
            _yaml.Append(CultureInfo.InvariantCulture, $"      arr_after: {{ expr: {Quote(after)} }}\n");
        }

        /// <summary>An expression true when the status holds one of <paramref name="values"/>.</summary>
        static string Any(ColumnProfile status, IEnumerable<string> values) => string.Join(" or ", values.Select(v => $"{Ref(status)} = {Literal(v)}"));

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
