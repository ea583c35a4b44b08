using System.Globalization;
using Fulcrum.Data.Import.Expressions;
using Fulcrum.Data.Import.Proposal;
using Fulcrum.Data.Import.Sources;
using Fulcrum.Data.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fulcrum.Data.Import.Mapping;

/// <summary>
/// Reads a mapping file (YAML, or JSON, which YAML includes) and checks it against the canonical schema,
/// so that every mistake is reported with its line before any data is read. The format is documented in docs/mapping.md.
/// </summary>
public static class MappingLoader
{
    static readonly string[] TopLevelKeys = ["name", "description", "source", "constants", "scales", "join", "tables"];
    static readonly string[] TableKeys = ["table", "where", "repeat", "distinct", "group_by", "fields", "description"];
    static readonly string[] FieldKeys = ["column", "value", "expr", "template", "map", "map_default", "default", "format", "columns", "computed", "aggregate"];

    public static ImportMapping Load(string path)
    {
        if (!File.Exists(path)) throw new MappingException(path, null, "mapping file not found.");
        return Parse(File.ReadAllText(path), path);
    }

    public static ImportMapping Parse(string text, string? file = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new MappingException(file, (int)e.Start.Line, $"not valid YAML/JSON: {e.InnerException?.Message ?? e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new MappingException(file, 1, "expected a mapping with at least a 'tables' section.");
        return new Reader(file).ReadMapping(root);
    }

    sealed class Reader(string? file)
    {
        public ImportMapping ReadMapping(YamlMappingNode root)
        {
            CheckKeys(root, TopLevelKeys, "the top level");
            var source = Optional(root, "source") is YamlMappingNode s ? ReadSource(s) : new SourceOptions();
            var constants = ReadConstants(Optional(root, "constants"));
            var scales = ReadScales(Optional(root, "scales"));
            var joins = Optional(root, "join") is { } j ? ReadJoins(j) : [];
            var tablesNode = Optional(root, "tables") ?? throw Error(root, "the mapping has no 'tables' section.");
            var tables = ReadTables(tablesNode);
            if (tables.Count == 0) throw Error(tablesNode, "'tables' is empty; map at least one table.");
            return new ImportMapping(Scalar(Optional(root, "name")), file, source, joins, constants, scales, tables);
        }

        SourceOptions ReadSource(YamlMappingNode node)
        {
            CheckKeys(node, ["format", "delimiter", "sheet"], "'source'");
            var format = Scalar(Optional(node, "format"));
            if (format is not null && !SourceReaders.SupportedFormats.Contains(format.ToLowerInvariant()))
                throw Error(node, $"source format '{format}' is not supported. Supported: {string.Join(", ", SourceReaders.SupportedFormats)}.");
            var delimiter = Scalar(Optional(node, "delimiter"));
            if (delimiter is "\\t" or "tab") delimiter = "\t";
            return new SourceOptions(format, delimiter, Scalar(Optional(node, "sheet")));
        }

        Dictionary<string, string> ReadConstants(YamlNode? node)
        {
            var constants = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node is null) return constants;
            if (node is not YamlMappingNode map) throw Error(node, "'constants' must map names to values.");
            foreach (var (key, value) in map.Children)
                constants[Scalar(key)!] = Scalar(value) ?? throw Error(value, $"constant '{Scalar(key)}' has no value.");
            return constants;
        }

        Dictionary<string, Scale> ReadScales(YamlNode? node)
        {
            var scales = new Dictionary<string, Scale>(StringComparer.OrdinalIgnoreCase);
            if (node is null) return scales;
            if (node is not YamlMappingNode map) throw Error(node, "'scales' must map a score (csat, ces) to [min, max].");
            foreach (var (key, value) in map.Children)
            {
                var name = Scalar(key)!;
                if (!name.Equals("csat", StringComparison.OrdinalIgnoreCase) && !name.Equals("ces", StringComparison.OrdinalIgnoreCase))
                    throw Error(key, $"scale '{name}' is not declarable; only csat and ces scales vary between sources (NPS is always 0-10).");
                var (min, max) = value switch
                {
                    YamlSequenceNode { Children.Count: 2 } seq => (Number(seq.Children[0]), Number(seq.Children[1])),
                    YamlMappingNode m => (Number(Required(m, "min")), Number(Required(m, "max"))),
                    _ => throw Error(value, $"scale '{name}' must be [min, max] or {{ min: .., max: .. }}."),
                };
                if (min >= max) throw Error(value, $"scale '{name}': min {min} must be below max {max}.");
                scales[name.ToLowerInvariant()] = new Scale(min, max, Line(key));
            }
            return scales;
        }

        List<JoinSpec> ReadJoins(YamlNode node)
        {
            if (node is not YamlSequenceNode seq) throw Error(node, "'join' must be a list of { file, on }.");
            var joins = new List<JoinSpec>();
            foreach (var item in seq.Children)
            {
                if (item is not YamlMappingNode m) throw Error(item, "each join needs 'file' and 'on'.");
                CheckKeys(m, ["file", "on", "format", "delimiter", "sheet"], "a join");
                joins.Add(new JoinSpec(
                    Scalar(Required(m, "file"))!, Scalar(Required(m, "on"))!,
                    new SourceOptions(Scalar(Optional(m, "format")), Scalar(Optional(m, "delimiter")), Scalar(Optional(m, "sheet"))),
                    Line(m)));
            }
            return joins;
        }

        List<TableMapping> ReadTables(YamlNode node)
        {
            var tables = new List<TableMapping>();
            switch (node)
            {
                case YamlSequenceNode seq:
                    foreach (var item in seq.Children)
                    {
                        if (item is not YamlMappingNode m) throw Error(item, "each entry of 'tables' needs 'table' and 'fields'.");
                        tables.Add(ReadTable(Scalar(Required(m, "table"))!, m));
                    }
                    break;
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        if (value is not YamlMappingNode m) throw Error(value, $"table '{Scalar(key)}' needs 'fields'.");
                        tables.Add(ReadTable(Scalar(key)!, m));
                    }
                    break;
                default:
                    throw Error(node, "'tables' must be a list of { table, fields }.");
            }
            return tables;
        }

        TableMapping ReadTable(string tableName, YamlMappingNode node)
        {
            CheckKeys(node, TableKeys, $"table '{tableName}'");
            var table = CanonicalSchema.Find(tableName)
                ?? throw Error(node, $"unknown table '{tableName}'. Tables: {string.Join(", ", CanonicalSchema.Tables.Select(t => t.Name))}.");
            if (Required(node, "fields") is not YamlMappingNode fieldsNode)
                throw Error(node, $"table '{table.Name}': 'fields' must map canonical fields to sources.");
            var fields = new List<FieldSpec>();
            var uses = new List<ColumnUse>();
            foreach (var (key, value) in fieldsNode.Children)
            {
                var name = Scalar(key)!;
                var field = table.FindField(name)
                    ?? throw Error(key, $"table '{table.Name}' has no field '{name}'. Fields: {string.Join(", ", table.Fields.Select(f => f.Name))}.");
                if (fields.Any(f => f.Field.Name == field.Name)) throw Error(key, $"field '{field.Name}' is mapped twice.");
                var spec = ReadField(table, field, value);
                fields.Add(spec);
                uses.AddRange(ColumnUses.Of(spec, value, $"{table.Name}.{field.Name}"));
            }
            var missing = table.Key.Concat(table.Fields.Where(f => f.Required).Select(f => f.Name)).Distinct()
                .Where(k => fields.All(f => f.Field.Name != k)).ToList();
            if (missing.Count > 0)
                throw Error(fieldsNode, $"table '{table.Name}' must map {string.Join(", ", missing)} (key or required).");
            var distinct = Scalar(Optional(node, "distinct")) is { } d
                && (bool.TryParse(d, out var flag) ? flag : throw Error(node, "'distinct' must be true or false."));
            var groupBy = ReadGroupBy(table, Optional(node, "group_by"), fields);
            if (groupBy.Count > 0 && distinct)
                throw Error(node, $"table '{table.Name}': 'distinct' and 'group_by' cannot be combined; group_by already folds repeated rows.");
            var where = Expression(Optional(node, "where"));
            var repeat = Expression(Optional(node, "repeat"));
            if (where is not null) uses.AddRange(ColumnUses.In(where.ColumnReferences, Optional(node, "where")!, $"{table.Name} where"));
            if (repeat is not null) uses.AddRange(ColumnUses.In(repeat.ColumnReferences, Optional(node, "repeat")!, $"{table.Name} repeat"));
            return new TableMapping(table, fields, where, repeat, distinct, Line(node), groupBy, uses);
        }

        /// <summary>Reads <c>group_by</c> (one field or a list) and checks each field's aggregate against it and against the field's type.</summary>
        List<string> ReadGroupBy(TableDefinition table, YamlNode? node, List<FieldSpec> fields)
        {
            var names = node switch
            {
                null => [],
                YamlScalarNode scalar => [scalar],
                YamlSequenceNode { Children.Count: > 0 } seq => seq.Children.ToList(),
                _ => throw Error(node, $"table '{table.Name}': 'group_by' must name a field or a list of fields, e.g. group_by: order_id."),
            };
            var groupBy = new List<string>();
            foreach (var item in names)
            {
                var name = Scalar(item) ?? throw Error(item, "'group_by' entries must be field names.");
                var field = table.FindField(name)
                    ?? throw Error(item, $"group_by: table '{table.Name}' has no field '{name}'. Fields: {string.Join(", ", table.Fields.Select(f => f.Name))}.");
                if (fields.All(f => f.Field.Name != field.Name))
                    throw Error(item, $"group_by: field '{field.Name}' is not mapped; map it under 'fields' (group_by names canonical fields, not source columns).");
                if (field.Type == FieldType.Json) throw Error(item, $"group_by: '{field.Name}' is a JSON object and cannot group rows.");
                if (groupBy.Contains(field.Name)) throw Error(item, $"group_by names '{field.Name}' twice.");
                groupBy.Add(field.Name);
            }
            foreach (var spec in fields.Where(f => f.Aggregate != Aggregate.None))
            {
                var at = spec.Line;
                if (groupBy.Count == 0)
                    throw new MappingException(file, at, $"field '{spec.Field.Name}' has an aggregate ({Lower(spec.Aggregate)}) but table '{table.Name}' has no 'group_by' to fold rows by.");
                if (groupBy.Contains(spec.Field.Name))
                    throw new MappingException(file, at, $"field '{spec.Field.Name}' groups the rows (group_by) and so cannot also have an aggregate.");
                var type = spec.Field.Type;
                var fits = spec.Aggregate switch
                {
                    Aggregate.Sum or Aggregate.Count => type is FieldType.Number or FieldType.Integer,
                    Aggregate.Min or Aggregate.Max => type is not (FieldType.Boolean or FieldType.Json),
                    _ => true,
                };
                if (!fits)
                    throw new MappingException(file, at, $"field '{spec.Field.Name}' is {TypeName(type)}; aggregate '{Lower(spec.Aggregate)}' needs " +
                        (spec.Aggregate is Aggregate.Min or Aggregate.Max ? "a number, date, timestamp or text field" : "a number or whole-number field") + ".");
            }
            return groupBy;
        }

        static string Lower(Aggregate aggregate) => aggregate.ToString().ToLowerInvariant();

        static string TypeName(FieldType type) => type switch
        {
            FieldType.Integer => "a whole number",
            FieldType.Json => "a JSON object",
            FieldType.Boolean => "a boolean",
            FieldType.Text => "text",
            _ => "a " + type.ToString().ToLowerInvariant(),
        };

        Aggregate ReadAggregate(FieldDefinition field, YamlMappingNode map)
        {
            if (Optional(map, "aggregate") is not { } node) return Aggregate.None;
            var name = Scalar(node)?.Trim().ToLowerInvariant();
            return name switch
            {
                "sum" => Aggregate.Sum,
                "count" => Aggregate.Count,
                "min" => Aggregate.Min,
                "max" => Aggregate.Max,
                "first" => Aggregate.First,
                "last" => Aggregate.Last,
                _ => throw Error(node, $"field '{field.Name}': unknown aggregate '{Scalar(node)}'. Aggregates: sum, count, min, max, first, last."),
            };
        }

        FieldSpec ReadField(TableDefinition table, FieldDefinition field, YamlNode node)
        {
            var line = Line(node);
            if (node is YamlScalarNode scalar)
                return field.Type == FieldType.Json
                    ? throw Error(node, $"'{field.Name}' takes {{ columns: [..] }}: the source columns to keep as JSON.")
                    : new FieldSpec(field, FieldSourceKind.Column, Column: scalar.Value, Line: line);
            if (node is not YamlMappingNode map)
                throw Error(node, $"field '{field.Name}': give a column name or {{ column | value | expr | template, ... }}.");
            CheckKeys(map, FieldKeys, $"field '{field.Name}'");

            if (field.Type == FieldType.Json)
            {
                var columns = Optional(map, "columns") switch
                {
                    null => [],
                    YamlSequenceNode seq => seq.Children.Select(c => Scalar(c) ?? throw Error(c, $"'{field.Name}': each column must be a name.")).ToList(),
                    var other => throw Error(other, $"'{field.Name}': 'columns' must be a list of source columns."),
                };
                var computed = ReadComputed(field, Optional(map, "computed"));
                if (columns.Count == 0 && computed.Count == 0)
                    throw Error(node, $"'{field.Name}' takes {{ columns: [..] }} (source columns to keep as JSON) and/or {{ computed: {{ name: expression }} }}.");
                var clash = computed.FirstOrDefault(c => columns.Contains(c.Name, StringComparer.Ordinal));
                if (clash is not null) throw Error(node, $"'{field.Name}': '{clash.Name}' is both a column and a computed attribute; rename the computed one.");
                return new FieldSpec(field, FieldSourceKind.Attributes, AttributeColumns: columns, Line: line,
                    Aggregate: ReadAggregate(field, map), Computed: computed);
            }

            var sources = new[] { "column", "value", "expr", "template" }.Where(k => Optional(map, k) is not null).ToList();
            if (sources.Count != 1)
                throw Error(node, $"field '{field.Name}' needs exactly one of column, value, expr or template (found {(sources.Count == 0 ? "none" : string.Join(", ", sources))}).");

            Dictionary<string, string>? valueMap = null;
            if (Optional(map, "map") is { } mapNode)
            {
                if (mapNode is not YamlMappingNode pairs) throw Error(mapNode, $"field '{field.Name}': 'map' must map source values to canonical values.");
                valueMap = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var (from, to) in pairs.Children)
                {
                    valueMap[Scalar(from)!.Trim()] = Scalar(to) ?? "";
                    CheckPlaceholder(field, to, $"'map' sends '{Scalar(from)}' to");
                }
            }
            if (Optional(map, "map_default") is { } defaultNode) CheckPlaceholder(field, defaultNode, "'map_default' is");
            var format = Scalar(Optional(map, "format"));
            if (format is not null && field.Type is not (FieldType.Date or FieldType.Timestamp))
                throw Error(node, $"field '{field.Name}' is {field.Type}; 'format' applies to dates and timestamps only.");

            var kind = sources[0] switch
            {
                "column" => FieldSourceKind.Column,
                "value" => FieldSourceKind.Constant,
                "expr" => FieldSourceKind.Expression,
                _ => FieldSourceKind.Template,
            };
            Template? template = null;
            if (kind == FieldSourceKind.Template)
            {
                try { template = Template.Parse(Scalar(map.Children["template"])!); }
                catch (FormatException e) { throw Error(node, $"field '{field.Name}': {e.Message}"); }
            }
            return new FieldSpec(field, kind,
                Column: kind == FieldSourceKind.Column ? Scalar(map.Children["column"]) : null,
                Constant: kind == FieldSourceKind.Constant ? Scalar(map.Children["value"]) : null,
                Expression: kind == FieldSourceKind.Expression ? Expression(map.Children["expr"]) : null,
                Template: template,
                ValueMap: valueMap,
                MapDefault: Scalar(Optional(map, "map_default")),
                Default: Scalar(Optional(map, "default")),
                Format: format,
                Line: line,
                Aggregate: ReadAggregate(field, map));
        }

        /// <summary>
        /// A value map into a closed vocabulary (outcome kinds) whose target is still the TODO left by `fulcrum map` for a value
        /// it could not read: a mapping error at its line, before any row is read, so that value's rows are never dropped
        /// unnoticed. Other words outside the vocabulary stay row rejects (a map_default that no row reaches is harmless).
        /// </summary>
        void CheckPlaceholder(FieldDefinition field, YamlNode target, string what)
        {
            if (field.AllowedValues is not { Count: > 0 } allowed || Scalar(target)?.Trim() != MappingProposer.Todo) return;
            throw Error(target, $"field '{field.Name}': {what} {MappingProposer.Todo}, a placeholder left by `fulcrum map`; "
                + $"replace it with one of {string.Join(", ", allowed)}, or leave those rows out with 'where'.");
        }

        /// <summary>The longest list of computed attributes one field may hold (each is evaluated on every row).</summary>
        const int MaxComputed = 100;

        List<ComputedAttribute> ReadComputed(FieldDefinition field, YamlNode? node)
        {
            if (node is null) return [];
            if (node is not YamlMappingNode map) throw Error(node, $"'{field.Name}': 'computed' must map attribute names to expressions.");
            if (map.Children.Count > MaxComputed) throw Error(node, $"'{field.Name}': at most {MaxComputed} computed attributes are allowed.");
            var computed = new List<ComputedAttribute>();
            foreach (var (key, value) in map.Children)
            {
                var name = Scalar(key) ?? throw Error(key, "a computed attribute needs a name.");
                if (computed.Any(c => c.Name == name)) throw Error(key, $"computed attribute '{name}' is defined twice.");
                computed.Add(new ComputedAttribute(name, Expression(value) ?? throw Error(value, $"computed attribute '{name}' has no expression.")));
            }
            return computed;
        }

        MappingExpression? Expression(YamlNode? node)
        {
            if (node is null) return null;
            try { return MappingExpression.Parse(Scalar(node) ?? ""); }
            catch (ExpressionSyntaxException e)
            {
                var text = Scalar(node) ?? "";
                throw Error(node, $"expression '{(text.Length <= 80 ? text : text[..80] + "…")}': {e.Message}");
            }
        }

        void CheckKeys(YamlMappingNode node, string[] allowed, string where)
        {
            foreach (var key in node.Children.Keys)
                if (!allowed.Contains(Scalar(key)))
                    throw Error(key, $"unknown key '{Scalar(key)}' in {where}. Allowed: {string.Join(", ", allowed)}.");
        }

        static YamlNode? Optional(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !(value is YamlScalarNode { Value: null or "" or "~" } && value.Tag.IsEmpty && Scalar(value) is null) ? value : null;

        YamlNode Required(YamlMappingNode node, string key) =>
            Optional(node, key) ?? throw Error(node, $"missing '{key}'.");

        static string? Scalar(YamlNode? node) => node is YamlScalarNode { Value: var v } && !(v is null or "~" || (v == "null" && ((YamlScalarNode)node).Style == YamlDotNet.Core.ScalarStyle.Plain)) ? v : null;

        double Number(YamlNode node) =>
            double.TryParse(Scalar(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Error(node, $"'{Scalar(node)}' is not a number.");

        static int Line(YamlNode node) => (int)node.Start.Line;

        MappingException Error(YamlNode node, string message) => new(file, Line(node), message);
    }
}
