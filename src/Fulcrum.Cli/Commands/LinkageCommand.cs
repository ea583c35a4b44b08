using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Facts;
using Fulcrum.Analytics.Linkage;
using Fulcrum.Analytics.Linkage.UserModels;
using Fulcrum.Analytics.Metrics;

namespace Fulcrum.Cli.Commands;

[Description("Soft → hard: how NPS, CSAT and CES relate to churn, expansion and cost to serve, as effects and money, with bootstrap intervals and model quality. With --controls or --outcome, your own account-level model of the soft metrics plus the controls you name.")]
public sealed class LinkageCommand : StoreCommand<LinkageCommand.Settings>
{
    public sealed class Settings : LinkageSettings
    {
        [CommandOption("--controls <TERMS>")]
        [Description("Your own controls instead of segment, tenure, products and size, comma-separated: attr:NAME, segment, region, industry; C(TERM) for categories. Fits OUTCOME ~ soft metrics + controls on one row per account (as `fulcrum model`).")]
        public string? Controls { get; init; }

        [CommandOption("--outcome <OUTCOME>")]
        [Description("With your own model: churn (default), expansion or tickets.")]
        public string? Outcome { get; init; }

        public bool OwnModel => Controls is not null || Outcome is not null;

        public override ValidationResult Validate() => OptionCheck.Run(base.Validate(), () =>
        {
            if (Outcome is not null) ModelFormula.ParseOutcome(Outcome);
            if (Controls is not null) ModelFormula.ParseTerms(CliLists.Split(Controls) ?? []);
        });
    }

    protected override int Run(FulcrumStore store, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.OwnModel)
            return Print.JsonOrTables(settings.Json, UserModelAnalysis.Run(store, OwnFormula(store, settings), settings.Confidence), UserModelView.Render);
        try
        {
            // The linkage report alone: the business case's levers are not valued (their scenarios do not change the report).
            var assumptions = new AssumptionStore(store).Snapshot();
            var run = settings.WithProgress(progress => LinkageAnalysis.Run(new AnalysisFacts(store), settings.Options, assumptions, progress: progress));
            return Print.JsonOrTables(settings.Json, run.Report, LinkageView.Render);
        }
        catch (MissingDataException missing) { return MissingDataView.Render(missing, settings.Json); }
    }

    /// <summary>OUTCOME ~ the soft metrics (NPS and CSAT as categories, CES as a number) + the user's controls.</summary>
    static ModelFormula OwnFormula(FulcrumStore store, Settings settings)
    {
        var soft = settings.Options.SoftMetrics ?? DefaultSoftMetrics(store);
        if (soft.Count == 0) throw new UserModelException("No NPS, CSAT or CES answers on record: there is no soft metric to link. Import survey responses (fulcrum import responses FILE).");
        var terms = soft.Order().Select(m => m switch { SoftMetric.Nps => "C(nps)", SoftMetric.Csat => "C(csat)", _ => "ces" })
            .Concat(CliLists.Split(settings.Controls) ?? []);
        return new ModelFormula(ModelFormula.ParseOutcome(settings.Outcome ?? "churn"), ModelFormula.ParseTerms(terms));
    }

    /// <summary>The soft metrics well answered by the rule every analysis uses (<see cref="SurveyMetricChoice"/>): each as a term of its own.</summary>
    static IReadOnlySet<SoftMetric> DefaultSoftMetrics(FulcrumStore store) =>
        PrimarySurveyMetric.Choose(store).WellAnswered.Select(m => m switch { "nps" => SoftMetric.Nps, "csat" => SoftMetric.Csat, _ => SoftMetric.Ces }).ToHashSet();
}
