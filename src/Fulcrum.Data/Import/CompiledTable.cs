using System.Buffers;
using System.Text.Json;
using Fulcrum.Data.Import.Expressions;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Import.Validation;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import;

/// <summary>One <see cref="TableMapping"/> ready to run: turns a source row into staged values for its table, or rejects.</summary>
internal sealed class CompiledTable
{
    readonly CompiledField[] _fields;
    readonly int[] _stagingPositions;
    readonly string[] _stagingColumns;

    public CompiledTable(TableMapping mapping, RowContext row, IReadOnlyList<string> stagingColumns, IReadOnlyDictionary<string, Scale> scales)
    {
        Mapping = mapping;
        _stagingColumns = stagingColumns.ToArray();
        _fields = mapping.Fields.Select(f => new CompiledField(f, row, new FieldRules(f.Field, scales), mapping.Table.IsKey(f.Field.Name))).ToArray();
        _stagingPositions = mapping.Fields.Select(f => stagingColumns.ToList().IndexOf(f.Field.Name)).ToArray();
    }

    public TableMapping Mapping { get; }
    public TableDefinition Table => Mapping.Table;

    /// <summary>Where each mapped field sits among the staging columns, in the order of <see cref="TableMapping.Fields"/>.</summary>
    public IReadOnlyList<int> StagingPositions => _stagingPositions;

    /// <summary>Checks a row folded from a group (<c>group_by</c>) again: a sum can leave a field's range, and row rules see the folded values.</summary>
    public bool TryCheckFolded(object?[] staged, string file, long line, List<Reject> rejects)
    {
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            if (field.Spec.Aggregate is not (Aggregate.Sum or Aggregate.Count)) continue;
            var position = _stagingPositions[i];
            if (!field.CheckFolded(ref staged[position], out var error))
            {
                rejects.Add(new Reject(file, line, Table.Name, field.Spec.PrimaryColumn, field.Spec.Field.Name, DisplayText(staged[position]),
                    $"{error} (after {field.Spec.Aggregate.ToString().ToLowerInvariant()} over the group)"));
                return false;
            }
        }
        var rule = RowRules.Check(Table.Name, name => Array.IndexOf(_stagingColumns, name) is var p and >= 0 ? staged[p] : null);
        if (rule is not { } violated) return true;
        var spec = Mapping.Fields.FirstOrDefault(f => f.Field.Name == violated.Field);
        var at = Array.IndexOf(_stagingColumns, violated.Field);
        rejects.Add(new Reject(file, line, Table.Name, spec?.PrimaryColumn, violated.Field, at >= 0 ? DisplayText(staged[at]) : null,
            violated.Reason + " (after folding the group)"));
        return false;
    }

    /// <summary>Number of rows this source row yields (1 unless the mapping repeats).</summary>
    public bool TryRepeatCount(RowContext row, out int count, out string? error)
    {
        count = 1;
        error = null;
        if (Mapping.Repeat is null) return true;
        try
        {
            var value = Mapping.Repeat.Evaluate(row);
            if (value is null) { count = 0; return true; }
            if (!ValueConverter.TryConvert(value, FieldType.Integer, null, out var n, out error) || (long)n! < 0 || (long)n! > 10_000)
            {
                error = $"repeat count '{value}' must be a whole number from 0 to 10,000";
                return false;
            }
            count = (int)(long)n!;
            return true;
        }
        catch (ExpressionEvaluationException e)
        {
            error = $"repeat: {e.Message}";
            return false;
        }
    }

    /// <returns>False when the mapping's 'where' excludes the row.</returns>
    public bool Includes(RowContext row, out string? error)
    {
        error = null;
        if (Mapping.Where is null) return true;
        try
        {
            return Mapping.Where.Evaluate(row) is true;
        }
        catch (ExpressionEvaluationException e)
        {
            error = $"where: {e.Message}";
            return false;
        }
    }

    /// <summary>Evaluates every field into <paramref name="staged"/> (staging column order); adds one reject per bad field.</summary>
    public bool TryMap(RowContext row, int repeatIndex, object?[] staged, string file, long line, List<Reject> rejects)
    {
        Array.Clear(staged);
        var ok = true;
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            if (field.TryEvaluate(row, repeatIndex, out var value, out var column, out var raw, out var error))
                staged[_stagingPositions[i]] = value;
            else
            {
                ok = false;
                rejects.Add(row.Reject(file, line, Table.Name, column, field.Spec.Field.Name, raw, error!));
            }
        }
        if (!ok) return false;
        var rule = RowRules.Check(Table.Name, name => Array.IndexOf(_stagingColumns, name) is var p and >= 0 ? staged[p] : null);
        if (rule is { } violated)
        {
            var spec = Mapping.Fields.FirstOrDefault(f => f.Field.Name == violated.Field);
            var position = Array.IndexOf(_stagingColumns, violated.Field);
            rejects.Add(row.Reject(file, line, Table.Name, spec?.PrimaryColumn, violated.Field,
                position >= 0 ? DisplayText(staged[position]) : null, violated.Reason));
            return false;
        }
        return true;
    }

    static string? DisplayText(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    sealed class CompiledField(FieldSpec spec, RowContext row, FieldRules rules, bool isKey)
    {
        readonly int _slot = spec.Kind == FieldSourceKind.Column ? row.Slot(spec.Column!) : -1;
        readonly int[] _attributeSlots = spec.AttributeColumns?.Select(row.Slot).ToArray() ?? [];
        readonly ArrayBufferWriter<byte> _json = new(256);

        public FieldSpec Spec => spec;

        /// <summary>A folded count or sum is checked against the field's type and rules like a source value.</summary>
        public bool CheckFolded(ref object? value, out string? error)
        {
            if (spec.Field.Type == FieldType.Number && value is long count) value = (double)count;
            return rules.Check(ref value, isKey, out error);
        }

        public bool TryEvaluate(RowContext row, int repeatIndex, out object? value, out string? column, out string? raw, out string? error)
        {
            column = spec.PrimaryColumn;
            raw = null;
            error = null;
            value = null;
            object? source;
            switch (spec.Kind)
            {
                case FieldSourceKind.Column:
                    source = raw = row.Value(_slot);
                    break;
                case FieldSourceKind.Constant:
                    source = raw = spec.Constant;
                    break;
                case FieldSourceKind.Template:
                    source = raw = spec.Template!.Render(row, repeatIndex);
                    break;
                case FieldSourceKind.Expression:
                    try
                    {
                        source = spec.Expression!.Evaluate(row);
                        raw = source as string ?? Convert.ToString(source, System.Globalization.CultureInfo.InvariantCulture);
                    }
                    catch (ExpressionEvaluationException e)
                    {
                        column = e.Column ?? column;
                        raw = e.Value;
                        error = $"{e.Message} (expr: {spec.Expression!.Text})";
                        return false;
                    }
                    break;
                case FieldSourceKind.Attributes:
                    try
                    {
                        value = AttributesJson(row);
                        return true;
                    }
                    catch (ComputedAttributeException e)
                    {
                        column = e.Inner.Column ?? column;
                        raw = e.Inner.Value;
                        error = $"computed attribute '{e.Attribute.Name}': {e.Inner.Message} (expr: {e.Attribute.Expression.Text})";
                        return false;
                    }
                default:
                    throw new InvalidOperationException(spec.Kind.ToString());
            }

            if (spec.ValueMap is not null && source is not null)
            {
                var key = (source as string ?? raw ?? "").Trim();
                if (spec.ValueMap.TryGetValue(key, out var mapped)) source = mapped.Length == 0 ? null : mapped;
                else if (spec.MapDefault is not null) source = spec.MapDefault.Length == 0 ? null : spec.MapDefault;
                else
                {
                    error = $"'{key}' is not in the value map (known: {string.Join(", ", spec.ValueMap.Keys)}); add it or set map_default";
                    return false;
                }
            }
            if ((source is null || source is string { Length: 0 }) && spec.Default is not null) source = spec.Default;
            // A counted value is only present or absent: what it says does not matter, so it is not converted to the field's type.
            if (spec.Aggregate == Aggregate.Count)
            {
                value = source is null || source is string s && string.IsNullOrWhiteSpace(s) ? 0L : 1L;
                return true;
            }

            if (!ValueConverter.TryConvert(source, spec.Field.Type, spec.Format, out value, out error)) return false;
            return rules.Check(ref value, isKey, out error);
        }

        string? AttributesJson(RowContext row)
        {
            _json.Clear();
            using var writer = new Utf8JsonWriter(_json);
            writer.WriteStartObject();
            var any = false;
            for (var i = 0; i < _attributeSlots.Length; i++)
            {
                var text = _attributeSlots[i] >= 0 ? row.Value(_attributeSlots[i]) : null;
                if (text is null) continue;
                writer.WriteString(spec.AttributeColumns![i], text);
                any = true;
            }
            foreach (var attribute in spec.Computed ?? [])
            {
                object? computed;
                try { computed = attribute.Expression.Evaluate(row); }
                catch (ExpressionEvaluationException e) { throw new ComputedAttributeException(attribute, e); }
                switch (computed)
                {
                    case null: continue;
                    case double number when double.IsFinite(number): writer.WriteNumber(attribute.Name, number); break;
                    case bool flag: writer.WriteBoolean(attribute.Name, flag); break;
                    case DateTime date: writer.WriteString(attribute.Name, Expressions.Conv.FormatDate(date)); break;
                    default: writer.WriteString(attribute.Name, Convert.ToString(computed, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
                any = true;
            }
            writer.WriteEndObject();
            writer.Flush();
            return any ? System.Text.Encoding.UTF8.GetString(_json.WrittenSpan) : null;
        }
    }
}

/// <summary>A computed attribute's expression failed on a row; carries which attribute, for the reject.</summary>
internal sealed class ComputedAttributeException(ComputedAttribute attribute, ExpressionEvaluationException inner) : Exception(inner.Message, inner)
{
    public ComputedAttribute Attribute { get; } = attribute;
    public ExpressionEvaluationException Inner { get; } = inner;
}
