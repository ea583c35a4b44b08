using Fulcrum.Analytics.Linkage;

namespace Fulcrum.Analytics.Themes;

/// <summary>
/// The theme impact and the linkage run behind its figures beyond the scores (null without renewals or when the model
/// cannot be fitted): analyze reads the business case off that run rather than fitting again.
/// </summary>
public sealed record ThemeImpactRun(ThemeImpactReport Report, LinkageRun? Linkage);
