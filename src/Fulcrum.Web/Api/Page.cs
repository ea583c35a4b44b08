namespace Fulcrum.Web.Api;

/// <summary>One page of a long list: the items, where they sit and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long Total)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static Page<T> Of(IReadOnlyList<T> all, int? page, int? pageSize)
    {
        var (number, size) = Normalize(page, pageSize);
        return new Page<T>(all.Skip((number - 1) * size).Take(size).ToList(), number, size, all.Count);
    }

    /// <exception cref="ArgumentOutOfRangeException">page below 1 or page size outside 1..500.</exception>
    public static (int Page, int Size) Normalize(int? page, int? pageSize)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultSize;
        if (number < 1) throw new ArgumentOutOfRangeException("page", number, "page starts at 1.");
        if (size is < 1 or > MaxSize) throw new ArgumentOutOfRangeException("pageSize", size, $"pageSize must be 1 to {MaxSize}.");
        return (number, size);
    }
}
