namespace Fulcrum.Analytics.Themes.Store;

/// <summary>A row of the themes table (see migration 0004_themes.sql for the meaning of origin and status).</summary>
public sealed class StoredTheme
{
    public required string ThemeId { get; init; }
    public required string Label { get; set; }
    public bool LabelLocked { get; set; }
    public string Keywords { get; set; } = "";
    public string? Definition { get; set; }
    public required string Origin { get; init; }
    public string Status { get; set; } = ThemeStatus.Active;
    public string? ParentId { get; set; }
    public required string Model { get; set; }
    public float[] Centroid { get; set; } = [];
    public string? Representatives { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public IReadOnlyList<string> KeywordList => Keywords.Length == 0 ? [] : Keywords.Split(", ");

    /// <summary>The phrases (keywords and example sentences) of a defined theme: its definition lines "keyword: …" / "example: …".</summary>
    public IReadOnlyList<string> DefinitionPhrases => DefinitionLines("keyword: ").Concat(DefinitionLines("example: ")).ToList();

    /// <summary>The keywords of a defined theme (matched literally in comments, besides the embedding similarity).</summary>
    public IReadOnlyList<string> DefinitionKeywords => DefinitionLines("keyword: ").ToList();

    IEnumerable<string> DefinitionLines(string prefix) =>
        Origin != ThemeOrigin.Defined || Definition is null ? []
            : Definition.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..].Trim()).Where(l => l.Length > 0);
}

public static class ThemeStatus
{
    public const string Active = "active", Retired = "retired", Merged = "merged", Split = "split";
}

public static class ThemeOrigin
{
    public const string Discovered = "discovered", Defined = "defined", Merged = "merged", Split = "split";
}
