namespace Fulcrum.Data.Demo.Comments;

/// <summary>Named word lists referenced from phrases as <c>{@name}</c>. Some depend on the tone.</summary>
internal static class WordLists
{
    internal sealed class WordList(string[][] byTone, bool proper)
    {
        /// <summary>Options indexed by <see cref="ToneIndex"/>.</summary>
        public readonly string[][] ByTone = byTone;
        public readonly bool Proper = proper;
    }

    private static readonly Dictionary<string, WordList> lists = new(StringComparer.Ordinal)
    {
        // Intensifier before a negative adjective ("the UI is {@int}clunky").
        ["int"] = ByTone(
            detractor: ["really ", "very ", "so ", "pretty ", ""],
            passive: ["a bit ", "somewhat ", "a little ", "fairly ", ""],
            promoter: ["a little ", "slightly ", "a tad ", ""],
            angry: ["painfully ", "ridiculously ", "incredibly ", "extremely ", "unbelievably "]),

        // Intensifier before a positive adjective ("support is {@pint}helpful").
        ["pint"] = ByTone(
            detractor: ["", "fairly ", "reasonably ", "generally "],
            passive: ["", "pretty ", "generally ", "mostly ", "quite "],
            promoter: ["really ", "incredibly ", "super ", "so ", "very ", ""],
            angry: ["", "fairly ", "reasonably "]),

        ["n"] = Same(["two", "three", "four", "five"]),
        ["wait"] = Same(["two weeks", "ten days", "over a week", "three weeks", "almost a month", "five business days", "48 hours", "six days"]),
        ["pct"] = Same(["12%", "15%", "18%", "20%", "25%", "30%", "40%"]),
        ["years"] = Same(["two", "three", "four", "five", "six", "eight"]),
        ["name"] = new WordList(Repeat(["Priya", "Marcus", "Elena", "Tom", "Aisha", "Kenji", "Sofia", "Daniel", "Fatima", "Luis", "Hannah", "Omar", "Grace", "Ravi"]), proper: true),
    };

    public static WordList Get(string name) =>
        lists.TryGetValue(name, out WordList? list)
            ? list
            : throw new FormatException($"Unknown word list '@{name}'.");

    private static WordList ByTone(string[] detractor, string[] passive, string[] promoter, string[] angry)
    {
        var byTone = new string[ToneIndex.Count][];
        byTone[ToneIndex.Detractor] = detractor;
        byTone[ToneIndex.Passive] = passive;
        byTone[ToneIndex.Promoter] = promoter;
        byTone[ToneIndex.Angry] = angry;
        return new WordList(byTone, proper: false);
    }

    private static WordList Same(string[] words) => new(Repeat(words), proper: false);

    private static string[][] Repeat(string[] words) => [words, words, words, words];
}
