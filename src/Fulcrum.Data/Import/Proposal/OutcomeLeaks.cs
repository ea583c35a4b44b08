namespace Fulcrum.Data.Import.Proposal;

/// <summary>A column that encodes the outcome (churn) rather than anything that could drive it, and why we think so.</summary>
public sealed record OutcomeLeak(ColumnProfile Column, string Why);

/// <summary>
/// Finds columns that encode the outcome itself: named for churn (a churn value, score, category or reason), or whose
/// value tells churned from renewed customers in every sampled row (a recoded flag, a reason filled only on churn).
/// As response or account attributes they would lead `drivers` as if they caused the outcome they merely restate.
/// </summary>
public static class OutcomeLeaks
{
    /// <summary>Name parts (letters and digits only, lower case) that mark a column as being about churn.</summary>
    static readonly string[] ChurnNames = ["churn", "attrition", "attrited", "exited", "cancel"];

    /// <summary>Rows of each class a sample needs before "tells them apart in every row" means anything.</summary>
    const int MinRowsPerClass = 10;

    /// <summary>Above this many distinct values a column telling the classes apart is an id or a measurement, not a recoding.</summary>
    const int MaxLevels = 50;

    public static IReadOnlyList<OutcomeLeak> Find(FileSample sample, OutcomeColumn? outcome, IReadOnlySet<string> exclude)
    {
        var classes = outcome is null ? null : RowClasses(sample, outcome);
        var leaks = new List<OutcomeLeak>();
        foreach (var column in sample.Columns.Where(c => !exclude.Contains(c.Name) && c != outcome?.Column && c.Kind != ColumnKind.Empty))
        {
            if (NamedForChurn(column))
                leaks.Add(new OutcomeLeak(column, "named for churn"));
            else if (classes is not null && outcome is not null && !column.Unique && TellsApart(sample.Values(column), classes))
                leaks.Add(new OutcomeLeak(column, $"tells churn from renewal in every sampled row, as \"{outcome.Column.Name}\" does"));
        }
        return leaks;
    }

    public static bool NamedForChurn(ColumnProfile column)
    {
        var name = FieldSynonyms.Normalize(column.Name);
        return ChurnNames.Any(n => name.Contains(n, StringComparison.Ordinal));
    }

    /// <summary>Per sampled row: churn (true), renewal (false) or neither (no decision, unrecognised or empty).</summary>
    static bool?[] RowClasses(FileSample sample, OutcomeColumn outcome)
    {
        var byValue = outcome.Levels.ToDictionary(l => l.Value, l => l.Class, StringComparer.Ordinal);
        return sample.Values(outcome.Column).Select(v => v is not null && byValue.TryGetValue(v, out var c)
            ? c switch { OutcomeClass.Churn => true, OutcomeClass.Renewal => (bool?)false, _ => null }
            : null).ToArray();
    }

    /// <summary>Whether each value of the column (empty counts as one) goes with only churn or only renewal rows.</summary>
    static bool TellsApart(IReadOnlyList<string?> values, bool?[] classes)
    {
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        int churned = 0, renewed = 0;
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i] is not { } churn) continue;
            if (churn) churned++; else renewed++;
            var value = values[i] ?? "";
            if (seen.TryGetValue(value, out var before) && before != churn) return false;
            seen[value] = churn;
            if (seen.Count > MaxLevels) return false;
        }
        return churned >= MinRowsPerClass && renewed >= MinRowsPerClass;
    }
}
