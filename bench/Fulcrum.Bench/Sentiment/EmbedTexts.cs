using System.Globalization;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Themes.Sentiment;
using Fulcrum.Analytics.Themes.Text;

namespace Fulcrum.Bench.Sentiment;

/// <summary>
/// <c>embed --in TEXTS --out VECTORS [--by-sentence] [--lexicon SCORES]</c>: MiniLM vectors of a text file (one text per
/// line, cleaned as the theme engine cleans comments), written as little-endian float32 rows of 384, for the scikit-learn
/// reference scripts. <c>--by-sentence</c>: each text's vector is the normalised mean of its sentences' vectors, as the
/// theme engine forms a comment's vector. <c>--lexicon</c>: the lexicon's compound score of each text, one a line; without
/// <c>--out</c> only these are written (to compare lexicon rules without embedding again).
/// </summary>
public static class EmbedTexts
{
    public static int Run(string[] args)
    {
        string? Arg(string name) { var i = Array.IndexOf(args, name); return i >= 0 && i + 1 < args.Length ? args[i + 1] : null; }
        var texts = File.ReadAllLines(Arg("--in") ?? throw new ArgumentException("--in is required")).ToList();
        if (Arg("--out") is null)
        {
            WriteLexicon(texts, Arg("--lexicon") ?? throw new ArgumentException("--out or --lexicon is required"));
            return 0;
        }
        using var embedder = new MiniLmEmbedder();
        float[][] vectors;
        if (args.Contains("--by-sentence"))
        {
            var mentions = Mentions.FromComments(texts);
            vectors = EmbeddingSentiment.CommentVectors(mentions, ThemeEngine.EmbedMentions(mentions, d => embedder.Embed(d)), embedder.Dimension);
        }
        else vectors = embedder.Embed(texts.Select(TextCleaner.Clean).ToList());
        using (var output = new BinaryWriter(File.Create(Arg("--out")!)))
            foreach (var v in vectors) foreach (var x in v) output.Write(x);
        if (Arg("--lexicon") is { } lexicon) WriteLexicon(texts, lexicon);
        Console.WriteLine($"{texts.Count:N0} texts embedded");
        return 0;
    }

    static void WriteLexicon(IReadOnlyList<string> texts, string path) =>
        File.WriteAllLines(path, texts.Select(t => LexiconSentiment.Score(TextCleaner.Clean(t)).Compound.ToString("R", CultureInfo.InvariantCulture)));
}
