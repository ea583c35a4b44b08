namespace Fulcrum.Data.Demo.Comments;

/// <summary>Whether a theme is a complaint, a compliment, or follows the score.</summary>
internal enum ThemeNature
{
    Negative,
    Positive,
    Mixed,
}

/// <summary>
/// The phrases for one theme. Core phrases are single clauses without final punctuation, wrapped by a
/// tone-specific frame (<see cref="CommonPhrases"/>). Fragments and details are whole sentences.
/// </summary>
internal sealed class ThemeBank
{
    public required CommentTheme Theme { get; init; }

    public required ThemeNature Nature { get; init; }

    /// <summary>Complaint cores; "!"-prefixed ones are for detractors only.</summary>
    public TemplateSet Negative { get; init; } = TemplateSet.Empty;

    /// <summary>Praise cores.</summary>
    public TemplateSet Positive { get; init; } = TemplateSet.Empty;

    /// <summary>A promoter's small wish about a negative theme ("I wish A and B shared data").</summary>
    public TemplateSet Wishes { get; init; } = TemplateSet.Empty;

    /// <summary>A detractor's faint praise of a positive theme ("support is nice, but ...").</summary>
    public TemplateSet Faint { get; init; } = TemplateSet.Empty;

    /// <summary>Short complaint fragments, whole sentences ("Too many logins.").</summary>
    public TemplateSet NegativeFragments { get; init; } = TemplateSet.Empty;

    /// <summary>Short praise fragments, whole sentences ("Great support team!").</summary>
    public TemplateSet PositiveFragments { get; init; } = TemplateSet.Empty;

    /// <summary>Concrete follow-up sentences for a complaint.</summary>
    public TemplateSet NegativeDetails { get; init; } = TemplateSet.Empty;

    /// <summary>Concrete follow-up sentences for praise.</summary>
    public TemplateSet PositiveDetails { get; init; } = TemplateSet.Empty;
}

/// <summary>Lookup of the bank for each theme.</summary>
internal static class ThemeBanks
{
    private static readonly ThemeBank[] byTheme = Build();

    public static ThemeBank For(CommentTheme theme) => byTheme[(int)theme];

    private static ThemeBank[] Build()
    {
        ThemeBank[] banks =
        [
            PortfolioPhrases.ProductsDontIntegrate,
            PortfolioPhrases.TooManyAccountManagers,
            SupportPhrases.SlowSupport,
            SupportPhrases.GreatSupport,
            CommercialPhrases.Pricing,
            UsabilityPhrases.EaseOfUse,
            UsabilityPhrases.HardToUse,
            UsabilityPhrases.Reliability,
            LifecyclePhrases.Onboarding,
            LifecyclePhrases.Reporting,
            CommercialPhrases.ProductValue,
        ];
        var result = new ThemeBank[banks.Length];
        foreach (ThemeBank bank in banks)
        {
            result[(int)bank.Theme] = bank;
        }

        return result;
    }
}
