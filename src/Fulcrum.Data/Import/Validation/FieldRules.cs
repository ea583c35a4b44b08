using System.Globalization;
using Fulcrum.Data.Import.Mapping;
using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Import.Validation;

/// <summary>The checks a converted value must pass: required, range (the mapping's declared scale where one applies), vocabulary.</summary>
public sealed class FieldRules
{
    readonly FieldDefinition _field;
    readonly double? _min, _max;
    readonly HashSet<string>? _allowed;

    readonly string _scaleHint = "";

    /// <param name="scales">The scales CSAT and CES are checked on: an import's are the mapping's declarations over the
    /// store's (<see cref="Survey.ScoreScales.ForImport"/>); a metric missing here is on its default scale.</param>
    public FieldRules(FieldDefinition field, IReadOnlyDictionary<string, Scale> scales)
    {
        _field = field;
        (_min, _max) = (field.Min, field.Max);
        if (field.ScaleDeclaredByMapping)
        {
            var declared = scales.TryGetValue(field.Name, out var scale) && !(scale.Min == field.Min && scale.Max == field.Max);
            if (declared) (_min, _max) = (scale.Min, scale.Max);
            _scaleHint = declared
                ? $" (the {field.Name} scale declared for this store)"
                : " (declare the source's scale under 'scales' in the mapping)";
        }
        if (field.AllowedValues is not null) _allowed = new HashSet<string>(field.AllowedValues, StringComparer.OrdinalIgnoreCase);
    }

    /// <returns>The value to store (vocabulary values are lower-cased), or an error reason.</returns>
    public bool Check(ref object? value, bool isKeyField, out string? error)
    {
        error = null;
        if (value is null)
        {
            if (_field.Required || isKeyField) error = "required value is empty";
            return error is null;
        }
        if (value is double or long && (_min is not null || _max is not null))
        {
            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (number < _min || number > _max)
            {
                error = $"out of range: {_field.Name} must be between {Format(_min)} and {Format(_max)}{_scaleHint}";
                return false;
            }
        }
        if (_allowed is not null && value is string text)
        {
            if (!_allowed.Contains(text))
            {
                error = $"'{text}' is not one of: {string.Join(", ", _field.AllowedValues!)}";
                return false;
            }
            value = text.ToLowerInvariant();
        }
        return true;
    }

    static string Format(double? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "∞";
}
