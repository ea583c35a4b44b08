using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fulcrum.Cli.Rendering;

/// <summary>JSON output of analysis results (--json): camelCase, enums as text, NaN written as "NaN".</summary>
public static class Json
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
