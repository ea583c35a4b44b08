using Fulcrum.Analytics.Themes.Languages;

namespace Fulcrum.Analytics.Themes.Sentiment;

/// <summary>
/// Sentiment by the comment's language: English by <see cref="LexiconSentiment"/>, Portuguese and Spanish by their lexicons
/// (<see cref="LanguageLexiconSentiment"/>); for any other language there is no model and so no sentiment figure (null),
/// never a neutral 0 that would read as "customers are indifferent".
/// </summary>
public static class MultilingualSentiment
{
    public static SentimentScore? Score(string text, string language) => language switch
    {
        CommentLanguage.English => LexiconSentiment.Score(text),
        CommentLanguage.Portuguese => LanguageLexiconSentiment.Portuguese.Score(text),
        CommentLanguage.Spanish => LanguageLexiconSentiment.Spanish.Score(text),
        _ => null,
    };

    /// <summary>How response_sentiment.method names the model used for a language.</summary>
    public static string Method(string language) => language switch
    {
        CommentLanguage.English => LexiconSentiment.Method,
        CommentLanguage.Portuguese => LanguageLexiconSentiment.Portuguese.Method,
        CommentLanguage.Spanish => LanguageLexiconSentiment.Spanish.Method,
        _ => $"none: no sentiment model for {CommentLanguage.Name(language)}",
    };
}
