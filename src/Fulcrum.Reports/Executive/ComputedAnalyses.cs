using Fulcrum.Analytics.BusinessCase;
using Fulcrum.Analytics.Themes;
using Fulcrum.Analytics.Value;

namespace Fulcrum.Reports.Executive;

/// <summary>
/// The expensive analyses behind the report when they were already run with the report's standard options (by
/// `fulcrum analyze`, as the demo does); a null member is run by the report itself.
/// </summary>
public sealed record ComputedAnalyses(BusinessCaseReport? BusinessCase = null, ThemeImpactReport? ThemeImpact = null, ValueReport? Value = null);
