using Fulcrum.Analytics.Themes.Store;
using Fulcrum.Core.Statistics;

namespace Fulcrum.Analytics.Themes;

/// <summary>One active theme after a run: what it is, how many comments raise it, and their sentiment.</summary>
/// <param name="Share">Share of commented responses raising the theme (Wilson interval).</param>
/// <param name="Sentiment">Mean sentiment (−1..1) of the sentences mentioning the theme (Student t interval).</param>
public sealed record ThemeSummary(
    string ThemeId, string Label, IReadOnlyList<string> Keywords, IReadOnlyList<string> Representatives, string Origin,
    long Comments, Estimate Share, Estimate Sentiment);

/// <summary>What a theme run did and found.</summary>
/// <param name="Languages">The comments' language mix (detected per comment), most common first.</param>
/// <param name="Notices">What the reader must know about the models and these languages (no sentiment model, English-only embeddings).</param>
public sealed record ThemeRunResult(
    string Model, int Comments, int Mentions, int DistinctTexts, int NewlyEmbedded, DiscoverySummary Discovery,
    int Matched, int Created, int Absorbed, int Retired, IReadOnlyList<ThemeSummary> Themes, TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> Phases, IReadOnlyList<Languages.LanguageShare>? Languages = null, IReadOnlyList<string>? Notices = null)
{
    /// <summary>Rows the run wrote to the assignment tables (only what changed since the stored run).</summary>
    public AssignmentChanges? Stored { get; init; }

    /// <summary>The sentiment scorer used: the model trained with `fulcrum sentiment train` when one is stored, else the lexicon.</summary>
    public string SentimentMethod { get; init; } = Sentiment.LexiconSentiment.Method;
}

/// <summary>Progress of a run: phase name, work done and total in that phase.</summary>
public readonly record struct ThemeProgress(string Phase, long Done, long Total);
