using Fulcrum.Data.Schema;

namespace Fulcrum.Data.Tests.Schema;

/// <summary>docs/mapping.md lists every canonical table's fields as generated from the schema; this fails when they drift.</summary>
public sealed class MappingDocsTests
{
    const string UpdateVariable = "FULCRUM_UPDATE_DOCS";

    [Fact]
    public void Mapping_docs_list_every_field_exactly_as_the_schema_defines_it()
    {
        var path = Path.Combine(RealDataSets.RepoRoot, "docs", "mapping.md");
        var text = File.ReadAllText(path);
        var begin = text.IndexOf(SchemaReference.BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(SchemaReference.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{path} lacks the generated-fields markers.");
        var start = begin + SchemaReference.BeginMarker.Length;
        var expected = "\n\n" + SchemaReference.Markdown();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            text = text[..start] + expected + text[end..];
            File.WriteAllText(path, text);
        }
        Assert.True(text[start..end] == expected,
            $"docs/mapping.md's field lists differ from CanonicalSchema. Regenerate them: {UpdateVariable}=1 dotnet test tests/Fulcrum.Data.Tests --filter {nameof(MappingDocsTests)}");
    }

    [Fact]
    public void Every_field_of_every_table_appears_in_the_generated_list()
    {
        var markdown = SchemaReference.Markdown();
        foreach (var table in CanonicalSchema.Tables)
        {
            Assert.Contains($"### `{table.Name}`", markdown);
            foreach (var field in table.Fields) Assert.Contains($"| `{field.Name}` |", markdown);
        }
    }
}
