namespace Fulcrum.Web.Options;

/// <summary>Caching of analysis results (configuration section <c>Fulcrum:Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    public const string Section = "Fulcrum:Analytics";

    /// <summary>
    /// How long a figure may still be shown after webhook responses arrived, while it is recomputed in the background.
    /// 0 = always recompute first. Imports and assumption changes never serve stale figures.
    /// </summary>
    public double MaxStaleSeconds { get; set; } = 60;

    /// <summary>Compute the dashboard's default figures at start, so the first visitor does not wait for them.</summary>
    public bool WarmUp { get; set; } = true;
}
