using System.Text;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Proposal;

namespace Fulcrum.Data.Import;

/// <summary>
/// The error for a mapping that reads columns the file does not have: each at the mapping's file, line and column, with
/// the field that reads it and the closest existing names, so a typo is fixed without hunting through the header.
/// A <c>TODO</c> left by <c>fulcrum map</c> is no column at all: each is named as a placeholder to replace.
/// </summary>
internal static class MissingColumnsError
{
    public static ImportException Build(ImportMapping mapping, IReadOnlyList<TableMapping> tables, IReadOnlyList<string> missing,
        IReadOnlyList<string> available, string file)
    {
        var where = mapping.MappingFile ?? "the mapping";
        var uses = tables.SelectMany(t => t.ColumnUses ?? []).OrderBy(u => u.Line).ThenBy(u => u.Col).ToList();
        string At(ColumnUse? use) => use is null ? where : $"{where}, line {use.Line}, column {use.Col}";
        var text = new StringBuilder();

        if (missing.Contains(MappingProposer.Todo))
        {
            text.Append($"{where} still has {MappingProposer.Todo} placeholders left by `fulcrum map`; replace each with a column of the file, a value or an expression:");
            var todos = uses.Where(u => u.Column == MappingProposer.Todo).ToList();
            if (todos.Count == 0) text.Append($"\n  {where}");
            foreach (var todo in todos) text.Append($"\n  {At(todo)}: {todo.Place}");
        }

        var columns = missing.Where(c => c != MappingProposer.Todo).ToList();
        if (columns.Count > 0)
        {
            var names = $"column{(columns.Count > 1 ? "s" : "")} {string.Join(", ", columns.Select(c => $"'{c}'"))}";
            if (text.Length > 0) text.Append('\n');
            text.Append(mapping.Joins.Count == 0
                ? $"{file} has no {names} that {where} reads:"
                : $"Neither {file} nor its joined files ({string.Join(", ", mapping.Joins.Select(j => j.File))}) have {names} that {where} reads:");
            foreach (var column in columns)
            {
                var at = uses.Where(u => u.Column == column).ToList();
                text.Append($"\n  {At(at.FirstOrDefault())}: {(at.Count == 0 ? "" : at[0].Place + " ")}reads column '{column}'");
                var closest = ColumnSuggestions.Closest(column, available);
                text.Append(closest.Count == 0 ? ", and no column has a similar name" : $"; did you mean {string.Join(" or ", closest.Select(c => $"'{c}'"))}?");
                var also = at.Skip(1).Select(u => u.Line).Distinct().ToList();
                if (also.Count > 0) text.Append($" (also read on line{(also.Count > 1 ? "s" : "")} {string.Join(", ", also)})");
            }
        }
        text.Append($"\nColumns available: {string.Join(", ", available)}.");
        return new ImportException(text.ToString());
    }
}
