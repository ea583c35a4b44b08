using System.Globalization;
using System.Text;
using Fulcrum.Data.Import.Expressions;

namespace Fulcrum.Data.Import.Proposal;

/// <summary>A mapping proposed from a file's column names and contents, for the user to check and edit.</summary>
/// <param name="Todos">Fields the proposal could not fill; each is a TODO in the YAML, which the loader rejects until edited.</param>
public sealed record ProposedMapping(string File, long SampledRows, IReadOnlyList<ColumnProfile> Columns, string Yaml, IReadOnlyList<string> Todos);

/// <summary>
/// Proposes a mapping (docs/mapping.md) for one source file: which canonical tables it can fill and which column gives
/// each field, from the column names (<see cref="FieldSynonyms"/>) and what the values look like (<see cref="ColumnProfiler"/>).
/// Every choice is a comment in the YAML; whatever it cannot tell is a TODO that makes the mapping fail to load until edited.
/// </summary>
public static partial class MappingProposer
{
    public const int DefaultSampleRows = 10_000;
    public const string Todo = "TODO";

    const string AccountTodo = "no customer or account column recognised; name the column that identifies the customer";

    public static ProposedMapping Propose(string path, int sampleRows = DefaultSampleRows)
    {
        if (sampleRows < 1) throw new ArgumentOutOfRangeException(nameof(sampleRows), "Sample at least one row.");
        var sample = ColumnProfiler.Profile(path, sampleRows);
        return new Builder(path, sample, JoinSearch.Explore(path, sample, sampleRows)).Build();
    }

    /// <param name="joined">The sample with the columns of the files it can join; only the account and order fields read them.</param>
    sealed partial class Builder(string path, FileSample sample, JoinedSample joined)
    {
        readonly IReadOnlyList<ColumnProfile> columns = sample.Columns;
        readonly long rows = sample.Rows;
        readonly StringBuilder _yaml = new();
        readonly List<string> _todos = [];
        readonly HashSet<string> _used = new(StringComparer.Ordinal);
        /// <summary>Columns read from joined files: the joins they come through are proposed.</summary>
        readonly List<ColumnProfile> _joined = [];
        AccountChoice _account = new(null, [], null);
        /// <summary>The file's column for when each customer joined (accounts.created_at), chosen before any event's time.</summary>
        ColumnProfile? _createdAt;
        /// <summary>Columns that encode the outcome: never given to an ordinary field or to the attributes `drivers` ranks.</summary>
        readonly HashSet<string> _outcomeOnly = new(StringComparer.Ordinal);

        public ProposedMapping Build()
        {
            foreach (var c in columns.Where(OutcomeLeaks.NamedForChurn)) _outcomeOnly.Add(c.Name);
            _account = AccountChoice.Choose(joined, c => !_outcomeOnly.Contains(c.Name));
            var account = _account.Column;
            var responseId = Pick("response_id", c => c.Unique);
            var nps = Pick("nps", c => c.Kind == ColumnKind.Integer && c.Min >= 0 && c.Max <= 10);
            var csat = Pick("csat", c => c.IsNumeric && c.Min >= 0 && c.Max <= 10, except: nps);
            var ces = Pick("ces", c => c.IsNumeric && c.Min >= 0 && c.Max <= 10, except: nps ?? csat);
            var comment = Pick("comment", c => c.Kind == ColumnKind.Text);
            var ticketId = Pick("ticket_id", c => c.Unique);
            // A date named for when the customer joined is never an answer's, ticket's, order's or outcome's time.
            _createdAt = Pick("customer_since", c => c.IsTime);
            var order = FindOrder(hasResponses: nps is not null || csat is not null || ces is not null || comment is not null || ticketId is not null);
            var hasResponses = nps is not null || csat is not null || ces is not null || comment is not null;
            // The table with one row per source row gets the columns no field uses, so nothing is lost.
            var rowTable = ticketId is not null && !hasResponses ? "tickets"
                : hasResponses ? "responses"
                : order is { Amount: not null } ? "orders"
                : "accounts";
            // In a file of customers, a plain "created" date is the customer's; elsewhere it is the answer's, ticket's or order's.
            if (rowTable == "accounts") _createdAt ??= Pick("created_at", c => c.IsTime);
            var fields = new[] { account, responseId, nps, csat, ces, comment, ticketId, order?.Id, order?.Amount }.OfType<ColumnProfile>().Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var outcome = OutcomeColumn.Find(sample, fields);
            var outcomeFields = outcome is null ? null : OutcomeFieldsFor(outcome, fields);
            // Decided before any block is written, so that no block's attributes take a column that restates the outcome.
            _leaks = OutcomeLeaks.Find(sample, outcome, outcomeFields is null ? fields : fields.Concat(outcomeFields.Columns).ToHashSet(StringComparer.Ordinal));
            foreach (var leak in _leaks) _outcomeOnly.Add(leak.Column.Name);
            _hasOutcome = outcome is not null;

            _yaml.Append(CultureInfo.InvariantCulture, $"name: {Quote(Path.GetFileNameWithoutExtension(path))}\n");
            AppendScales(csat, ces);
            var joinsAt = _yaml.Length;
            _yaml.Append("\ntables:\n");

            Accounts(account, rowTable == "accounts", order?.OrderedAt);
            if (order is { Amount: not null }) Orders(account, order, rowTable == "orders");
            if (hasResponses) Responses(account, responseId, nps, csat, ces, comment, rowTable == "responses");
            if (ticketId is not null) Tickets(account, ticketId, rowTable == "tickets");
            if (outcome is not null && outcomeFields is not null) Outcomes(account, outcome, outcomeFields);
            if (order is { Amount: null }) OrdersWithoutAmount(order);
            if (!hasResponses && ticketId is null && outcome is null && order is null)
                _yaml.Append("  # No survey score, comment, ticket id, order or churn flag recognised: only accounts are proposed.\n");
            _yaml.Insert(joinsAt, Joins());
            // Written last, so that it asks to fix TODOs only when there are some.
            _yaml.Insert(0, string.Create(CultureInfo.InvariantCulture,
                $"# Proposed by `fulcrum map` from {Path.GetFileName(path)} ({rows:N0} rows sampled). Check every line{(_todos.Count > 0 ? ", fix the TODOs" : "")},\n")
                + "# then: fulcrum import all FILE --mapping THIS.yaml --dry-run\n");
            return new ProposedMapping(path, rows, columns, _yaml.ToString(), _todos);
        }

        ColumnProfile? Pick(string field, Func<ColumnProfile, bool> fits, ColumnProfile? except = null, bool outcomeField = false) =>
            PickFrom(columns, field, fits, except, outcomeField);

        /// <summary>The best-named column of <paramref name="pool"/> for <paramref name="field"/> (the file's own columns, or with those it joins).</summary>
        ColumnProfile? PickFrom(IEnumerable<ColumnProfile> pool, string field, Func<ColumnProfile, bool> fits, ColumnProfile? except = null, bool outcomeField = false) =>
            pool.Where(c => c != except && (outcomeField || !_outcomeOnly.Contains(c.Name)) && fits(c))
                .Select(c => (Column: c, Score: FieldSynonyms.Score(field, c.Name)))
                .Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenByDescending(x => x.Column.FillRate)
                .Select(x => x.Column).FirstOrDefault();

        ColumnProfile? PickTime(params string[] fields) => PickTime(false, fields);

        /// <summary>An event's time (an answer's, a ticket's, an outcome's): never the column that says when the customer joined.</summary>
        ColumnProfile? PickTime(bool outcomeField, params string[] fields) =>
            fields.Select(f => Pick(f, c => c.IsTime && c != _createdAt, outcomeField: outcomeField)).FirstOrDefault(c => c is not null)
            ?? columns.FirstOrDefault(c => c.IsTime && c != _createdAt && (outcomeField || !_outcomeOnly.Contains(c.Name)));

        void AppendScales(ColumnProfile? csat, ColumnProfile? ces)
        {
            var scales = new List<string>();
            if (csat is { Min: { } cMin, Max: { } cMax } && (cMin < 1 || cMax > 5)) scales.Add($"  csat: [{(cMin < 1 ? 0 : 1)}, {CommonTop(cMax)}]");
            if (ces is { Min: { } eMin, Max: { } eMax } && (eMin < 1 || eMax > 7)) scales.Add($"  ces: [{(eMin < 1 ? 0 : 1)}, {CommonTop(eMax)}]");
            if (scales.Count == 0) return;
            _yaml.Append("scales:                      # from the values seen; set the survey's real scale\n");
            foreach (var s in scales) _yaml.Append(s).Append('\n');
        }

        /// <summary>The top of the usual survey scale that holds <paramref name="max"/> (a sample may miss the top answer).</summary>
        static double CommonTop(double max) => new double[] { 5, 7, 10, 100 }.FirstOrDefault(top => max <= top, Math.Ceiling(max));

        void Responses(ColumnProfile? account, ColumnProfile? responseId, ColumnProfile? nps, ColumnProfile? csat, ColumnProfile? ces, ColumnProfile? comment, bool takesRest)
        {
            Block("responses", null);
            var when = PickTime("responded_at");
            var repeating = responseId is null ? Pick("response_id", c => c.Kind != ColumnKind.Empty && !c.IsTime) : null;
            if (responseId is not null) Field("response_id", responseId);
            else if (repeating is not null && CompositeKey.Find(sample, repeating) is { } key)
                TemplateId(key, string.Create(CultureInfo.InvariantCulture,
                    $"{repeating.Name} repeats ({GroupCheck.RepeatedKeys(sample, repeating):N0} values on more than one sampled row); with {string.Join(" and ", key.Skip(1).Select(c => c.Name))} it is unique in the sample"));
            else if (account is { Unique: true })
                _yaml.Append(CultureInfo.InvariantCulture, $"      response_id: {{ template: {Quote($"{{{account.Name}}}")} }}   # no answer id found; one answer per customer\n");
            else if (account is not null && when is not null)
            {
                _yaml.Append(CultureInfo.InvariantCulture, $"      response_id: {{ template: {Quote($"{{{account.Name}}}-{{{when.Name}}}")} }}   # no answer id found: customer and time; duplicates are rejected\n");
            }
            else if (CompositeKey.Find(sample, null) is { } ids)
                TemplateId(ids, $"no answer id found; {string.Join(" and ", ids.Select(c => c.Name))} together are unique in the sample");
            else Field("response_id", null, "no unique answer id found");
            Field("account_id", account, AccountTodo);
            Field("responded_at", when, "no date or time column found: the date each answer was given");
            if (nps is not null) Field("nps", nps);
            if (csat is not null) Field("csat", csat);
            if (ces is not null) Field("ces", ces);
            if (comment is not null) Field("comment", comment);
            if (takesRest) Attributes();
        }

        void Tickets(ColumnProfile? account, ColumnProfile ticketId, bool takesRest)
        {
            Block("tickets", null);
            Field("ticket_id", ticketId);
            Field("account_id", account, AccountTodo);
            Field("opened_at", PickTime("opened_at"), "when each case was opened");
            Optional("closed_at", "closed_at", c => c.IsTime);
            Optional("handle_minutes", "handle_minutes", c => c.IsNumeric);
            if (takesRest) Attributes();
        }

        /// <summary>A response id made of several columns, which the sample shows to be unique together.</summary>
        void TemplateId(IReadOnlyList<ColumnProfile> key, string why) =>
            _yaml.Append(CultureInfo.InvariantCulture, $"      response_id: {{ template: {Quote(CompositeKey.Template(key))} }}   # {why}; duplicates are rejected\n");

        /// <param name="groupBy">A field whose equal values fold rows into one (<paramref name="why"/> says why).</param>
        void Block(string table, string? why, bool distinct = false, string? where = null, string? groupBy = null)
        {
            _yaml.Append(CultureInfo.InvariantCulture, $"  - table: {table}\n");
            if (distinct) _yaml.Append(CultureInfo.InvariantCulture, $"    distinct: true               # {why}\n");
            if (groupBy is not null) _yaml.Append(CultureInfo.InvariantCulture, $"    group_by: {groupBy}   # {why}\n");
            if (where is not null) _yaml.Append(CultureInfo.InvariantCulture, $"    where: {Quote(where)}   # {why}\n");
            _yaml.Append("    fields:\n");
        }

        void Optional(string field, string synonyms, Func<ColumnProfile, bool> fits)
        {
            if (Pick(synonyms, c => fits(c)) is { } column) Field(field, column);
        }

        /// <param name="aggregate">How the field folds a group's rows (a table with group_by), with why.</param>
        void Field(string field, ColumnProfile? column, string? todo = null, (string Name, string Why)? aggregate = null)
        {
            if (column is null)
            {
                // A field every table needs (account_id) is one thing to fix: listed once, and said in full once in the YAML.
                var what = $"{field}: {todo ?? "no column recognised"}";
                var comment = _todos.Contains(what) ? $"the same as {field} above" : todo ?? "no column recognised";
                _yaml.Append(CultureInfo.InvariantCulture, $"      {field}: {Todo}   # {comment}\n");
                AddTodo(what);
                return;
            }
            Use(column);
            var parts = new List<string>();
            if (column.Format is not null) parts.Add($"format: {Quote(column.Format)}");
            if (aggregate is not null) parts.Add($"aggregate: {aggregate.Value.Name}");
            var source = parts.Count == 0 ? Quote(column.Name) : $"{{ column: {Quote(column.Name)}, {string.Join(", ", parts)} }}";
            var from = joined.Origin(column) is { } join ? $" (from {join.File})" : "";
            var why = aggregate is null ? "" : $"; {aggregate.Value.Why}";
            _yaml.Append(CultureInfo.InvariantCulture, $"      {field}: {source}   # {Describe(column)}{from}{why}\n");
        }

        /// <summary>Every other column of the file, kept as attributes; in a folded table, those that differ within a group are left out or folded.</summary>
        /// <param name="group">The key a group_by folds by, or null.</param>
        /// <param name="foldLast">In a folded table: keep the varying columns too, taking the group's last row's values (accounts), instead of leaving them out (orders).</param>
        /// <param name="computed">An attribute computed by an expression (an order's days late), kept beside the columns.</param>
        /// <param name="keepRest">Whether this table takes every column no field uses; otherwise only <paramref name="computed"/>.</param>
        void Attributes(ColumnProfile? group = null, bool foldLast = false, IReadOnlyCollection<ColumnProfile>? leaveOut = null,
            (string Name, string Expression, string Why)? computed = null, bool keepRest = true)
        {
            var rest = !keepRest ? [] : columns.Where(c => !_used.Contains(c.Name) && !_outcomeOnly.Contains(c.Name) && c.Kind != ColumnKind.Empty && leaveOut?.Contains(c) != true).ToList();
            var varying = group is null ? [] : rest.Where(c => GroupCheck.VariesWithin(joined.View, group, c)).ToList();
            if (!foldLast) rest = rest.Except(varying).ToList();
            var names = string.Join(", ", rest.Select(c => Quote(c.Name)));
            var lastWhy = $"where a {group?.Name}'s rows differ, the last row's";
            if (computed is { } extra)
            {
                _yaml.Append("      attributes:\n");
                if (rest.Count > 0) _yaml.Append(CultureInfo.InvariantCulture, $"        columns: [{names}]   # every other column, kept\n");
                if (rest.Count > 0 && foldLast && varying.Count > 0) _yaml.Append(CultureInfo.InvariantCulture, $"        aggregate: last   # {lastWhy}\n");
                _yaml.Append("        computed:\n");
                _yaml.Append(CultureInfo.InvariantCulture, $"          {extra.Name}: {Quote(extra.Expression)}   # {extra.Why}\n");
            }
            else if (rest.Count > 0 && foldLast && varying.Count > 0)
                _yaml.Append(CultureInfo.InvariantCulture, $"      attributes: {{ columns: [{names}], aggregate: last }}   # every other column, kept; {lastWhy}\n");
            else if (rest.Count > 0) _yaml.Append(CultureInfo.InvariantCulture, $"      attributes: {{ columns: [{names}] }}   # every other column, kept\n");
            if (!foldLast && varying.Count > 0)
                _yaml.Append(CultureInfo.InvariantCulture, $"      # left out: {string.Join(", ", varying.Select(c => c.Name))} {(varying.Count == 1 ? "differs" : "differ")} between the rows of one {group!.Name}; fold one with an aggregate to keep it\n");
            if (leaveOut is { Count: > 0 })
                _yaml.Append(CultureInfo.InvariantCulture, $"      # left out: {string.Join(", ", leaveOut.Select(c => c.Name))}, a finer key than {group?.Name ?? "the customer"} (several per customer)\n");
            if (keepRest) ExplainOutcomeOnly();
        }

        /// <summary>Notes a column the mapping reads, so that the joins it comes through are listed.</summary>
        void Use(ColumnProfile column)
        {
            _used.Add(column.Name);
            if (joined.Origin(column) is not null) _joined.Add(column);
        }

        void AddTodo(string what)
        {
            if (!_todos.Contains(what)) _todos.Add(what);
        }

        static string Describe(ColumnProfile c)
        {
            var range = c is { Min: { } min, Max: { } max } ? string.Create(CultureInfo.InvariantCulture, $" {min:0.##}–{max:0.##}") : "";
            return string.Create(CultureInfo.InvariantCulture, $"{c.Kind.ToString().ToLowerInvariant()}{range}, {c.FillRate * 100:0}% filled, e.g. {string.Join(" | ", c.Examples.Select(e => e.Length > 30 ? e[..30] + "…" : e))}")
                .Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
        }
    }

    /// <summary>A YAML scalar: plain when safe, else double-quoted with escapes.</summary>
    /// <summary>The column in an expression: <c>[name]</c>, a ']' in its name written ']]' (<see cref="MappingExpression.ColumnReference"/>).</summary>
    static string Ref(ColumnProfile column) => MappingExpression.ColumnReference(column.Name);

    public static string Quote(string text)
    {
        var plain = text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_')
                    && text.All(ch => char.IsLetterOrDigit(ch) || ch is ' ' or '_' or '-' or '.')
                    && !text.EndsWith(' ') && text.ToLowerInvariant() is not ("yes" or "no" or "true" or "false" or "null" or "on" or "off" or "y" or "n" or "todo");
        return plain ? text : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }
}
