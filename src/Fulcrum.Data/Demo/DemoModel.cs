using Fulcrum.Core.Statistics;

namespace Fulcrum.Data.Demo;

/// <summary>
/// The planted parameters of the demo company in one place. The simulation reads them; the ground-truth
/// table reports them as the nominal effects.
/// </summary>
internal static class DemoModel
{
    // Share of accounts that already exist when the period starts; the rest arrive with accelerating growth.
    public const double InitialShare = 0.4;
    public const double GrowthPerQuarter = 1.22;
    public static readonly double[] InitialSegmentWeights = [0.45, 0.35, 0.20];
    public static readonly double[] NewSegmentWeights = [0.78, 0.18, 0.04];

    /// <summary>Mean latent score (0–10 scale) by segment: large incumbents are happy, so are new small accounts.</summary>
    public static double MeanScore(int segment, bool initial) => (segment, initial) switch
    {
        (0, true) => 7.9,
        (_, true) => 8.6,
        (0, false) => 8.55,
        _ => 8.0,
    };

    /// <summary>Without planted effects every account draws its latent score around this one mean.</summary>
    public const double NullMeanScore = 8.3;

    public const double AccountScoreSd = 0.9, ResponseNoiseSd = 1.2;
    public const double MeanEffort = 3.4, EffortSd = 1.0, EffortScoreSlope = -0.35;

    public static readonly double[] MedianArr = [14_000, 75_000, 320_000];
    public const double ArrSigma = 0.55;

    // 1. Multi-product decline: large happy single-product incumbents adopt more products and sour.
    public const double HappyLargeThreshold = 8.0, AdoptSecondChance = 0.6, AdoptThirdChance = 0.5, OtherAdoptChance = 0.05;
    public const double SecondProductShift = -0.5, ThirdProductShift = -0.25;
    public const double AddOnArrShare = 0.35;

    // 2. Themes among multi-product detractors, and the churn they add.
    public const double IntegrationThemeChance = 0.55, ManagersThemeChance = 0.45, ThemeChurnMultiplier = 1.6;

    // 3. Churn, expansion and contraction at renewal by the account's latest NPS category (Detractor, Passive, Promoter).
    public static readonly double[] ChurnRate = [0.18, 0.10, 0.06];
    public static readonly double[] ExpansionRate = [0.08, 0.18, 0.30];
    public static readonly double[] ContractionRate = [0.15, 0.07, 0.03];
    // Tickets per account-quarter by segment; log-rate rises by EffortTicketSlope per point of effort (CES).
    public static readonly double[] TicketsPerQuarter = [7, 18, 45];
    public const double EffortTicketSlope = 0.30, ExtraProductTicketShare = 0.3;
    public const double MedianHandleMinutes = 20;

    // Surveys: contacts per account by segment, each answering with this chance every quarter.
    public static readonly int[] SurveyContacts = [3, 8, 20];
    public const double ResponseRate = 0.45, CommentChance = 0.5;

    // 5. References: promoters are asked and agree more; referenced deals win more.
    public static readonly double[] AskRate = [0.01, 0.04, 0.12];
    public static readonly double[] AgreeRate = [0.10, 0.35, 0.70];
    public const double ReferenceUsedChance = 0.6, ReferencedWinRate = 0.45, BaselineWinRate = 0.25;
    public const double BaselineDealsPerAccountQuarter = 0.02;

    public static NpsCategory Category(int score) => NpsEstimator.Classify(score);
}
