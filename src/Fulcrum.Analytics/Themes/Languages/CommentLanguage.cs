namespace Fulcrum.Analytics.Themes.Languages;

/// <summary>
/// The languages Fulcrum recognises in comments (ISO 639-1 codes) and what it can do in each: stop words and accent folding
/// for all of them, a sentiment lexicon for English, Portuguese and Spanish only.
/// </summary>
public static class CommentLanguage
{
    public const string English = "en", Portuguese = "pt", Spanish = "es", French = "fr", German = "de";

    /// <summary>Every language the detector can return, in a fixed order.</summary>
    public static readonly IReadOnlyList<string> All = [English, Portuguese, Spanish, French, German];

    public static string Name(string code) => code switch
    {
        English => "English",
        Portuguese => "Portuguese",
        Spanish => "Spanish",
        French => "French",
        German => "German",
        _ => code,
    };

    /// <summary>Whether a sentiment model (lexicon) exists for the language; without one, comments get no sentiment figure.</summary>
    public static bool HasSentiment(string code) => code is English or Portuguese or Spanish;
}
