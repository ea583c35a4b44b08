using System.Text.Json;
using System.Text.Json.Serialization;
using Fulcrum.Core.Serialization;

namespace Fulcrum.Cli.Rendering;

/// <summary>JSON output of analysis results (--json): camelCase, enums as text, a number that is not finite (an absent figure) as null.</summary>
public static class Json
{
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new NonFiniteAsNullConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
