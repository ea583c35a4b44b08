namespace Fulcrum.Analytics.Linkage;

/// <summary>
/// How often each level of a factor occurs (and, for renewals, how often with a churn), counted by level code (index
/// into the factor's list of levels). Levels are told apart by name, as the model's columns are, and remembered in the
/// order first seen: the most common level becomes the baseline, and a tie goes to the level seen first.
/// </summary>
internal sealed class LevelTally
{
    readonly string[] _levels;
    // Code of the first level with the same name (size levels of near-equal quartiles can print alike).
    readonly int[] _named;
    readonly long[] _counts;
    readonly long[] _churns;
    readonly List<int> _firstSeen = [];

    public LevelTally(string[] levels)
    {
        _levels = levels;
        _named = levels.Select(l => Array.IndexOf(levels, l)).ToArray();
        _counts = new long[levels.Length];
        _churns = new long[levels.Length];
    }

    public void Add(int code, bool churned = false)
    {
        var level = _named[code];
        if (_counts[level]++ == 0) _firstSeen.Add(level);
        if (churned) _churns[level]++;
    }

    /// <summary>The levels that occur, in the list's order.</summary>
    public string[] Present() => _levels.Where((_, code) => _counts[_named[code]] > 0).ToArray();

    /// <summary>Levels whose renewals all churned or all stayed.</summary>
    public IReadOnlySet<string> Separated() => _levels
        .Where((_, code) => _counts[_named[code]] > 0 && (_churns[_named[code]] == 0 || _churns[_named[code]] == _counts[_named[code]]))
        .ToHashSet(StringComparer.Ordinal);

    public bool Occurs(string level) => Array.IndexOf(_levels, level) is var code and >= 0 && _counts[_named[code]] > 0;

    /// <summary>The most common level outside <paramref name="excluded"/> (the first seen on a tie); null when none occurs.</summary>
    public string? MostCommon(IReadOnlySet<string> excluded)
    {
        var best = -1;
        foreach (var level in _firstSeen)
            if (!excluded.Contains(_levels[level]) && (best < 0 || _counts[level] > _counts[best])) best = level;
        return best < 0 ? null : _levels[best];
    }

    /// <summary>For each level code, its index among <paramref name="factor"/>'s levels (−1 when the factor lacks it).</summary>
    public int[] IndexesIn(Factor factor) => _levels.Select(factor.IndexOf).ToArray();
}
