using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Analytics.Metrics;
using Fulcrum.Data.Store;

namespace Fulcrum.Analytics.Drivers;

/// <summary>
/// Drivers of a hard outcome (<c>fulcrum drivers --outcome churn|repeat|revenue</c>): one row per account, the soft metrics
/// the store holds answers for (each account's mean NPS answer, CSAT, CES as numbers, so each has one direction) plus the
/// user's own terms, fitted as <c>fulcrum model</c> fits them — logistic for churn and repeat purchase (odds ratios),
/// linear with robust standard errors for revenue. Each soft metric's effect is then stated in words, with a warning when
/// it runs against what one would expect.
/// </summary>
public static class HardOutcomeDrivers
{
    /// <summary>The hard outcomes drivers can explain, as the user writes them.</summary>
    public static readonly IReadOnlyList<string> Outcomes = ["churn", "repeat", "revenue"];

    /// <summary>The hard outcome named by <paramref name="text"/>, or null when it names none.</summary>
    public static ModelOutcome? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "churn" => ModelOutcome.Churn,
        "repeat" => ModelOutcome.Repeat,
        "revenue" => ModelOutcome.Revenue,
        _ => null,
    };

    /// <param name="predictors">The terms to explain the outcome with (as in <c>fulcrum model</c>); null = the soft metrics the store holds answers for.</param>
    /// <param name="controls">Terms added to the predictors (as linkage's <c>--controls</c>).</param>
    /// <exception cref="UserModelException">The data cannot support the model; the message names what is missing.</exception>
    public static HardOutcomeDriverReport Run(FulcrumStore store, ModelOutcome outcome, IReadOnlyList<string>? predictors, IReadOnlyList<string>? controls,
        double confidenceLevel = 0.95)
    {
        var soft = predictors ?? AnsweredSoftMetrics(store);
        if (soft.Count == 0 && (controls is null || controls.Count == 0))
            throw new UserModelException("No NPS, CSAT or CES answers on record, and no --controls named: there is nothing to explain "
                + $"{outcome.Name()} with. Import survey responses (fulcrum import responses FILE) or name account attributes with --controls attr:NAME.");
        var formula = new ModelFormula(outcome, ModelFormula.ParseTerms(soft.Concat(controls ?? [])));
        var model = UserModelAnalysis.Run(store, formula, confidenceLevel);
        var directions = model.Coefficients
            .Where(c => c.Level is null && SoftMetricWords.Describes(c.Term))
            .Select(c => SoftMetricWords.Direction(c, outcome))
            .ToList();
        return new HardOutcomeDriverReport(outcome.Name(), model, directions);
    }

    /// <summary>The soft metrics well answered by the rule every analysis uses (<see cref="SurveyMetricChoice"/>): a metric with under half the answers of the most-answered one is left out, not a predictor fitted on a handful of rows.</summary>
    public static IReadOnlyList<string> AnsweredSoftMetrics(FulcrumStore store) => PrimarySurveyMetric.Choose(store).WellAnswered;
}

/// <summary>A hard outcome explained per account, with each soft metric's direction in words.</summary>
public sealed record HardOutcomeDriverReport(string Outcome, UserModelReport Model, IReadOnlyList<SoftMetricDirection> Directions);

/// <summary>
/// Which way one soft metric moves the outcome. <paramref name="Sign"/> is +1 (higher metric, higher outcome), −1, or 0 when
/// the interval includes no effect or the estimate is withheld. <paramref name="Unexpected"/> is true when a clear effect
/// runs against what one would expect (e.g. more satisfied customers churning more).
/// </summary>
public sealed record SoftMetricDirection(string Metric, int Sign, bool Unexpected, string Statement);
