using System.Collections.ObjectModel;

namespace Fulcrum.Data.Demo.Comments;

/// <summary>A theme a synthetic survey comment talks about. Keys are stable snake_case strings (see <see cref="CommentThemes.Key"/>).</summary>
public enum CommentTheme
{
    /// <summary>"products_dont_integrate": modules/products don't work together, data re-entry, separate logins, sync issues.</summary>
    ProductsDontIntegrate,

    /// <summary>"too_many_account_managers": several account managers, handoffs, no single point of contact.</summary>
    TooManyAccountManagers,

    /// <summary>"slow_support": slow ticket response, long waits, escalations.</summary>
    SlowSupport,

    /// <summary>"great_support": praise for support people.</summary>
    GreatSupport,

    /// <summary>"pricing": too expensive, renewal price increases, confusing licensing.</summary>
    Pricing,

    /// <summary>"ease_of_use": intuitive, easy (positive twin of <see cref="HardToUse"/>).</summary>
    EaseOfUse,

    /// <summary>"hard_to_use": clunky UI, steep learning curve.</summary>
    HardToUse,

    /// <summary>"reliability": outages, bugs, slowness.</summary>
    Reliability,

    /// <summary>"onboarding": implementation / onboarding experience (tone follows the score).</summary>
    Onboarding,

    /// <summary>"reporting": reporting and dashboard gaps or praise (tone follows the score).</summary>
    Reporting,

    /// <summary>"product_value": the core product delivers value, ROI (positive).</summary>
    ProductValue,
}

/// <summary>Stable string keys for <see cref="CommentTheme"/>.</summary>
public static class CommentThemes
{
    private static readonly ReadOnlyCollection<CommentTheme> all = Array.AsReadOnly(
    [
        CommentTheme.ProductsDontIntegrate,
        CommentTheme.TooManyAccountManagers,
        CommentTheme.SlowSupport,
        CommentTheme.GreatSupport,
        CommentTheme.Pricing,
        CommentTheme.EaseOfUse,
        CommentTheme.HardToUse,
        CommentTheme.Reliability,
        CommentTheme.Onboarding,
        CommentTheme.Reporting,
        CommentTheme.ProductValue,
    ]);

    /// <summary>Every theme, in declaration order.</summary>
    public static IReadOnlyList<CommentTheme> All => all;

    /// <summary>The stable snake_case key of a theme, e.g. "products_dont_integrate".</summary>
    public static string Key(CommentTheme t) => t switch
    {
        CommentTheme.ProductsDontIntegrate => "products_dont_integrate",
        CommentTheme.TooManyAccountManagers => "too_many_account_managers",
        CommentTheme.SlowSupport => "slow_support",
        CommentTheme.GreatSupport => "great_support",
        CommentTheme.Pricing => "pricing",
        CommentTheme.EaseOfUse => "ease_of_use",
        CommentTheme.HardToUse => "hard_to_use",
        CommentTheme.Reliability => "reliability",
        CommentTheme.Onboarding => "onboarding",
        CommentTheme.Reporting => "reporting",
        CommentTheme.ProductValue => "product_value",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "Unknown comment theme."),
    };

    /// <summary>The theme for a key produced by <see cref="Key"/>.</summary>
    /// <exception cref="ArgumentException">The key is not a known theme key.</exception>
    public static CommentTheme FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key switch
        {
            "products_dont_integrate" => CommentTheme.ProductsDontIntegrate,
            "too_many_account_managers" => CommentTheme.TooManyAccountManagers,
            "slow_support" => CommentTheme.SlowSupport,
            "great_support" => CommentTheme.GreatSupport,
            "pricing" => CommentTheme.Pricing,
            "ease_of_use" => CommentTheme.EaseOfUse,
            "hard_to_use" => CommentTheme.HardToUse,
            "reliability" => CommentTheme.Reliability,
            "onboarding" => CommentTheme.Onboarding,
            "reporting" => CommentTheme.Reporting,
            "product_value" => CommentTheme.ProductValue,
            _ => throw new ArgumentException($"Unknown comment theme key '{key}'.", nameof(key)),
        };
    }
}
