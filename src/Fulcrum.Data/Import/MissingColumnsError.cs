using System.Text;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Import;

/// <summary>
/// The error for a mapping that reads columns the file does not have: each at the mapping's file, line and column, with
/// the field that reads it and the closest existing names, so a typo is fixed without hunting through the header.
/// </summary>
internal static class MissingColumnsError
{
    public static ImportException Build(ImportMapping mapping, IReadOnlyList<TableMapping> tables, IReadOnlyList<string> missing,
        IReadOnlyList<string> available, string file)
    {
        var where = mapping.MappingFile ?? "the mapping";
        var names = $"column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(c => $"'{c}'"))}";
        var text = new StringBuilder(mapping.Joins.Count == 0
            ? $"{file} has no {names} that {where} reads:"
            : $"Neither {file} nor its joined files ({string.Join(", ", mapping.Joins.Select(j => j.File))}) have {names} that {where} reads:");
        var uses = tables.SelectMany(t => t.ColumnUses ?? []).ToList();
        foreach (var column in missing)
        {
            var at = uses.Where(u => u.Column == column).OrderBy(u => u.Line).ThenBy(u => u.Col).ToList();
            text.Append("\n  ").Append(at.Count == 0 ? where : $"{where}, line {at[0].Line}, column {at[0].Col}").Append(": ");
            var place = at.Count == 0 ? "" : at[0].Place + " ";
            if (column == MappingProposer.Todo)
            {
                text.Append($"{place}is still {MappingProposer.Todo}, a placeholder left by `fulcrum map`; replace it with a column of the file, a value or an expression.");
                continue;
            }
            text.Append($"{place}reads column '{column}'");
            var closest = ColumnSuggestions.Closest(column, available);
            text.Append(closest.Count == 0 ? ", and no column has a similar name" : $"; did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?");
            var also = at.Skip(1).Select(u => u.Line).Distinct().ToList();
            if (also.Count > 0) text.Append($" (also read on line{(also.Count > 1 ? "s" : "")} {string.Join(", ", also)})");
        }
        text.Append($"\nColumns available: {string.Join(", ", available)}.");
        return new ImportException(text.ToString());
    }
}
