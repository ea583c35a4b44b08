using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulcrum.Core.Serialization;

/// <summary>
/// Writes a number that is not finite (NaN for an absent figure, ±∞) as null: JSON has no such number, and the string
/// "NaN" a consumer would have to know to look for. The figure's reason travels beside it (an estimate's
/// <c>isDefined: false</c> and <c>reason</c>). One policy for every JSON Fulcrum writes: the CLI's <c>--json</c>, the web
/// API and the alert webhook. Reads null and the named literals back as NaN or ±∞; any other text is an error.
/// </summary>
public sealed class NonFiniteAsNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => double.NaN,
        JsonTokenType.String => reader.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var text => throw new JsonException($"'{text}' is not a number."),
        },
        _ => reader.GetDouble(),
    };

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
