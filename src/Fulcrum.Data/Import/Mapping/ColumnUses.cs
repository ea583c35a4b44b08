using YamlDotNet.RepresentationModel;

namespace Fulcrum.Data.Import.Mapping;

/// <summary>Finds, for a field read by <see cref="MappingLoader"/>, the YAML node where each of its source columns is named.</summary>
internal static class ColumnUses
{
    public static IEnumerable<ColumnUse> Of(FieldSpec spec, YamlNode node, string place)
    {
        if (node is not YamlMappingNode map) return In(spec.ReferencedColumns, node, place);
        if (spec.Kind != FieldSourceKind.Attributes)
        {
            // The node of the one source key (column, expr or template); a constant reads no column.
            var source = new[] { "column", "expr", "template" }.Select(k => Child(map, k)).FirstOrDefault(n => n is not null);
            return source is null ? [] : In(spec.ReferencedColumns, source, place);
        }
        var uses = new List<ColumnUse>();
        if (Child(map, "columns") is YamlSequenceNode columns)
            uses.AddRange(columns.Children.OfType<YamlScalarNode>().Where(c => c.Value is not null).Select(c => At(c.Value!, c, place)));
        if (Child(map, "computed") is YamlMappingNode computed)
            foreach (var (key, value) in computed.Children)
                if (spec.Computed?.FirstOrDefault(c => c.Name == ((YamlScalarNode)key).Value) is { } attribute)
                    uses.AddRange(In(attribute.Expression.ColumnReferences, value, $"{place}.{attribute.Name}"));
        return uses;
    }

    /// <summary>Columns read by an expression or template: all placed at its start (its text does not keep their offsets).</summary>
    public static IEnumerable<ColumnUse> In(IEnumerable<string> columns, YamlNode node, string place) =>
        columns.Select(c => At(c, node, place));

    static ColumnUse At(string column, YamlNode node, string place) => new(column, place, (int)node.Start.Line, (int)node.Start.Column);

    static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
