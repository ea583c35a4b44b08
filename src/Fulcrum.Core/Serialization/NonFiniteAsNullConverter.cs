using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulcrum.Cli.Rendering;

/// <summary>
/// Writes a number that is not finite (NaN for an absent figure, ±∞) as null: JSON has no such number, and the string
/// "NaN" a consumer would have to know to look for. The figure's reason travels beside it (an estimate's
/// <c>isDefined: false</c> and <c>reason</c>). Reads null and the named literals back as NaN or ±∞.
/// </summary>
public sealed class NonFiniteAsNullConverter : JsonConverter<double>
{
    public override bool HandleNull => true;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => double.NaN,
        JsonTokenType.String => reader.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            _ => double.NaN,
        },
        _ => reader.GetDouble(),
    };

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
