namespace Fulcrum.Analytics.Tests.Themes.Languages;

/// <summary>A comment of the language fixture: its language, the sentiment its writer meant, and its text.</summary>
public sealed record LabelledComment(string Language, string Label, string Text);

/// <summary>
/// The labelled Portuguese/Spanish fixture (Themes/Languages/comments-pt-es.tsv, embedded): comments written for these tests in
/// the style of marketplace reviews, ~110 per language, half positive and half negative, some typed without accents; plus ten
/// each in English, French and German for language detection.
/// </summary>
public static class LabelledComments
{
    public static IReadOnlyList<LabelledComment> All { get; } = Load();

    public static IReadOnlyList<LabelledComment> In(string language) => All.Where(c => c.Language == language).ToList();

    static List<LabelledComment> Load()
    {
        var assembly = typeof(LabelledComments).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("comments-pt-es.tsv", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var comments = new List<LabelledComment>();
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || parts[1] is not ("positive" or "negative"))
                throw new InvalidDataException($"comments-pt-es.tsv line {lineNumber}: expected 'language<TAB>positive|negative<TAB>text', got '{line}'.");
            comments.Add(new LabelledComment(parts[0], parts[1], parts[2]));
        }
        return comments;
    }
}
